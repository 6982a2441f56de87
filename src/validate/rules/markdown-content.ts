import path from 'node:path';
import { existsSync } from 'node:fs';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { linesOf, locateScalarContentStart, type YamlPath } from '../../load/locate.js';
import type { SourceFile } from '../../load/source-file.js';
import type Token from 'markdown-it/lib/token.mjs';
import { markdown } from '../../render/markdown.js';
import { markupToTree } from '../../render/markup-to-tree.js';
import type { Rule } from './index.js';

interface MarkdownField {
  file: SourceFile;
  source: string;
  /** File line of the field's first line, and the indentation its lines carry in the file. */
  line: number;
  indent: number;
}

const LINK_TARGET = /\]\(\s*<?([a-z][a-z0-9+.-]*):[^)\s]*/gi;
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Markdown fields use only what the writers can write, link only to http/https/mailto, and name figures that
 * exist inside data/.
 * OK:   "![構成図](../figures/x.png)" with data/figures/x.png present; "[総務省](https://www.soumu.go.jp/)"
 * Fail: "[x](javascript:alert(1))" → unsafe-link; "![a](../../etc/passwd)" → figure-outside-data;
 *       "```code```" fence → unsupported-markup
 */
export const checkMarkdownContent: Rule = {
  ids: ['unsafe-link', 'figure-outside-data', 'figure-missing', 'unsupported-markup'],
  check(project) {
    const fields: MarkdownField[] = [];
    const fromYaml = (file: SourceFile, yamlPath: YamlPath, source: string | undefined) => {
      if (!source) return;
      const start = locateScalarContentStart(file, yamlPath);
      if (start) fields.push({ file, source, line: start.line, indent: start.indent });
    };
    for (const { file, data, body } of project.incidents.values()) {
      fromYaml(file, ['description'], data.description);
      fromYaml(file, ['affectedUsersNote'], data.affectedUsersNote);
      fromYaml(file, ['inquiriesNote'], data.inquiriesNote);
      fromYaml(file, ['classification', 'note'], data.classification.note);
      const report = data.report;
      if (report) {
        fromYaml(file, ['report', 'disclaimer'], report.disclaimer);
        fromYaml(file, ['report', 'usersOverTime', 'note'], report.usersOverTime?.note);
        report.timeline?.forEach((entry, i) => 'text' in entry && fromYaml(file, ['report', 'timeline', i, 'text'], entry.text));
        report.contacts?.forEach((entry, i) => 'text' in entry && fromYaml(file, ['report', 'contacts', i, 'text'], entry.text));
        report.notices?.forEach((notice, i) => fromYaml(file, ['report', 'notices', i, 'text'], notice.text));
        report.causes?.forEach((cause, i) =>
          cause.stages?.forEach((stage, j) => stage.details?.forEach((detail, k) => fromYaml(file, ['report', 'causes', i, 'stages', j, 'details', k], detail))),
        );
      }
      for (const section of [...Object.values(body.sections), ...Object.values(body.publicity)]) {
        if (section) fields.push({ file, source: section.markdown, line: section.line + leadingBlankLines(file, section.line), indent: 0 });
      }
    }
    for (const { file, data } of project.meetings.values()) fromYaml(file, ['closingRemark'], data.closingRemark);
    return fields.flatMap((field) => checkFieldOnce(field, project.dataDir));
  },
};

function leadingBlankLines(file: SourceFile, line: number): number {
  const lines = linesOf(file);
  let n = 0;
  while ((lines[line - 1 + n] ?? 'x').trim() === '' && line - 1 + n < lines.length) n++;
  return n;
}

/** Token types that always map onto the DocTree vocabulary (an image does only when alone in its paragraph). */
const PLAIN_TOKENS = new Set(
  [
    'paragraph', 'bullet_list', 'ordered_list', 'list_item', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'strong', 'em', 'link', 'span',
  ].flatMap((t) => [`${t}_open`, `${t}_close`]).concat(['inline', 'hr', 'text', 'softbreak', 'hardbreak', 'code_inline']),
);
const PLAIN_HEADINGS = new Set(['h1', 'h2', 'h3', 'h4']);

function isPlainToken(token: Token): boolean {
  const plain = PLAIN_TOKENS.has(token.type) || ((token.type === 'heading_open' || token.type === 'heading_close') && PLAIN_HEADINGS.has(token.tag));
  const children = token.children ?? [];
  if (children.some((child) => child.type === 'image')) return plain && children.every(isFigurePart);
  return plain && children.every(isPlainToken);
}

/** A paragraph that holds only images (and the spaces between them) is written as figures. */
function isFigurePart(token: Token): boolean {
  return token.type === 'image' || token.type === 'softbreak' || (token.type === 'text' && token.content.trim() === '');
}

/**
 * Results of fields without figures, by file, position and text: a long-running process (minutes watch) re-checks
 * only what changed. Fields with figures are always checked, since a figure file may appear or disappear.
 */
const checked = new Map<string, Diagnostic[]>();
/** A figure with a target (`![alt](../figures/x.png)`); a lost image's placeholder `![alt]()` names no file. */
const NAMES_A_FIGURE_FILE = /!\[[^\]]*\]\(\s*[^)\s<]/;
const MAX_REMEMBERED = 20_000;

function checkFieldOnce(field: MarkdownField, dataDir: string): Diagnostic[] {
  if (NAMES_A_FIGURE_FILE.test(field.source)) return checkField(field, dataDir);
  const key = `${field.file.path}\0${field.line}\0${field.indent}\0${field.source}`;
  let found = checked.get(key);
  if (!found) {
    if (checked.size >= MAX_REMEMBERED) checked.clear();
    found = checkField(field, dataDir);
    checked.set(key, found);
  }
  return found.map((d) => ({ ...d }));
}

function checkField(field: MarkdownField, dataDir: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lines = field.source.split('\n');
  const rangeAt = (lineIndex: number, column: number, length: number) => {
    const line = field.line + lineIndex;
    const col = field.indent + column + 1;
    return { start: { line, column: col }, end: { line, column: col + length } };
  };
  lines.forEach((text, index) => {
    for (const match of text.matchAll(LINK_TARGET)) {
      if (ALLOWED_SCHEMES.has(match[1].toLowerCase())) continue;
      const offset = (match.index ?? 0) + match[0].indexOf(match[1]);
      const target = match[0].slice(match[0].indexOf(match[1]));
      diagnostics.push(createDiagnostic('unsafe-link', field.file.path, rangeAt(index, [...text.slice(0, offset)].length, [...target].length), { actual: target }));
    }
  });
  const tokens = markdown.parse(field.source, {});
  let blockLine = 0;
  for (const token of tokens) {
    if (token.map) blockLine = token.map[0];
    for (const child of token.children ?? []) {
      if (child.type !== 'image') continue;
      const src = (child.attrGet('src') ?? '').trim();
      if (!src || /^[a-z][a-z0-9+.-]*:/i.test(src)) continue;
      const lineText = lines[blockLine] ?? '';
      const column = Math.max(0, [...lineText.slice(0, Math.max(0, lineText.indexOf(src)))].length);
      const range = rangeAt(blockLine, column, [...src].length);
      const absolute = path.resolve(dataDir, 'incidents', decodeURI(src));
      const relative = path.relative(dataDir, absolute);
      if (relative.startsWith('..') || path.isAbsolute(relative)) {
        diagnostics.push(createDiagnostic('figure-outside-data', field.file.path, range, { actual: src }));
      } else if (!existsSync(absolute)) {
        diagnostics.push(createDiagnostic('figure-missing', field.file.path, range, { actual: src }));
      }
    }
  }
  // The full check (render, then parse the markup as the writers will) only runs when a token is outside the
  // vocabulary every writer handles; most fields hold only paragraphs, lists and tables.
  const { problems } = tokens.every(isPlainToken) ? { problems: [] } : markupToTree(markdown.renderer.render(tokens, markdown.options, {}));
  for (const problem of problems) {
    diagnostics.push(
      createDiagnostic('unsupported-markup', field.file.path, rangeAt(0, 0, 1), {
        actual: `<${problem.tag}> ${problem.context}`,
        expected: '段落・リスト・表・図・強調・リンクだけが使えます（コードブロックや見出しは使えません）。',
        hint: 'Only paragraphs, lists, tables, figures, emphasis and links can be written.',
      }),
    );
  }
  return diagnostics;
}
