import { createDiagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticId } from '../../diagnostics/catalog.js';
import { linesOf, locateScalarContentStart, type YamlPath } from '../../load/locate.js';
import type { SourceFile } from '../../load/source-file.js';
import type Token from 'markdown-it/lib/token.mjs';
import { markdown } from '../../render/markdown.js';
import { markupToTree } from '../../render/markup-to-tree.js';
import { figureTarget, type FigureTarget } from '../../load/resolve-figure.js';
import type { Rule } from './rule.js';
import { documentTypes } from '../../document-types.js';
import { fieldsOfKind } from '../../schema/fields-of-kind.js';
import type { MarkdownFinding } from '../markdown-finding.js';

interface MarkdownField {
  file: SourceFile;
  source: string;
  /** File line of the field's first line, and the indentation its lines carry in the file; asked only for a problem. */
  start: () => { line: number; indent: number } | undefined;
}

/** A problem inside a field, placed relative to the field's first line and column. */
type Finding = MarkdownFinding;

/** The diagnostic for each reason a figure path names no usable image. */
const FIGURE_PROBLEMS: Record<Extract<FigureTarget, { problem: string }>['problem'], DiagnosticId> = {
  'outside-data': 'figure-outside-data',
  missing: 'figure-missing',
  'not-image': 'figure-not-image',
};

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
  ids: ['unsafe-link', 'figure-outside-data', 'figure-missing', 'figure-not-image', 'unsupported-markup'],
  // A record naming a figure is checked each time: its file may appear or disappear.
  perRecord: { kinds: ['incident', 'meeting'], cacheable: (record) => !NAMES_A_FIGURE_FILE.test(record.file.text) },
  check(project) {
    const fields: MarkdownField[] = [];
    const fromYaml = (file: SourceFile, yamlPath: YamlPath, source: string | undefined) => {
      if (source) fields.push({ file, source, start: () => locateScalarContentStart(file, yamlPath) });
    };
    // The Markdown fields of the front matter are the ones the schema marks as Markdown (src/model/field.ts).
    for (const record of [...project.incidents.values(), ...project.meetings.values()]) {
      const schema = documentTypes[record.data.type].schema;
      for (const found of fieldsOfKind(schema, record.data, 'markdown')) fromYaml(record.file, found.path, found.value);
      if (!('body' in record)) continue;
      for (const section of [...Object.values(record.body.sections), ...Object.values(record.body.publicity)]) {
        if (section) fields.push({ file: record.file, source: section.markdown, start: () => ({ line: section.line + leadingBlankLines(record.file, section.line), indent: 0 }) });
      }
    }
    return fields.flatMap((field) => {
      const findings = findingsOnce(field.source, project.dataDir, project.caches.markdownFindings);
      const start = findings.length ? field.start() : undefined;
      if (!start) return [];
      return findings.map(({ id, lineIndex, column, length, params }) => {
        const line = start.line + lineIndex;
        const col = start.indent + column + 1;
        return createDiagnostic(id, field.file.path, { start: { line, column: col }, end: { line, column: col + length } }, params);
      });
    });
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

/** A figure with a target (`![alt](../figures/x.png)`); a lost image's placeholder `![alt]()` names no file. */
const NAMES_A_FIGURE_FILE = /!\[[^\]]*\]\(\s*[^)\s<]/;
const MAX_REMEMBERED = 20_000;

/**
 * Findings of sources without figures, remembered by text in the build session's caches: a long-running process
 * (minutes watch) re-checks only what changed. Sources with figures are always checked, since a figure file may
 * appear or disappear.
 */
function findingsOnce(source: string, dataDir: string, checked: Map<string, Finding[]>): Finding[] {
  if (NAMES_A_FIGURE_FILE.test(source)) return findingsIn(source, dataDir);
  let found = checked.get(source);
  if (!found) {
    if (checked.size >= MAX_REMEMBERED) checked.clear();
    found = findingsIn(source, dataDir);
    checked.set(source, found);
  }
  return found;
}

function findingsIn(source: string, dataDir: string): Finding[] {
  const findings: Finding[] = [];
  const lines = source.split('\n');
  lines.forEach((text, index) => {
    for (const match of text.matchAll(LINK_TARGET)) {
      if (ALLOWED_SCHEMES.has(match[1].toLowerCase())) continue;
      const offset = (match.index ?? 0) + match[0].indexOf(match[1]);
      const target = match[0].slice(match[0].indexOf(match[1]));
      findings.push({ id: 'unsafe-link', lineIndex: index, column: [...text.slice(0, offset)].length, length: [...target].length, params: { actual: target } });
    }
  });
  const tokens = markdown.parse(source, {});
  let blockLine = 0;
  for (const token of tokens) {
    if (token.map) blockLine = token.map[0];
    for (const child of token.children ?? []) {
      if (child.type !== 'image') continue;
      const src = (child.attrGet('src') ?? '').trim();
      if (!src || /^[a-z][a-z0-9+.-]*:/i.test(src)) continue;
      const lineText = lines[blockLine] ?? '';
      const column = Math.max(0, [...lineText.slice(0, Math.max(0, lineText.indexOf(src)))].length);
      const at = { lineIndex: blockLine, column, length: [...src].length };
      const target = figureTarget(dataDir, src);
      if ('problem' in target) findings.push({ id: FIGURE_PROBLEMS[target.problem], ...at, params: { actual: src } });
    }
  }
  // The full check (render, then parse the markup as the writers will) only runs when a token is outside the
  // vocabulary every writer handles; most fields hold only paragraphs, lists and tables.
  const { problems } = tokens.every(isPlainToken) ? { problems: [] } : markupToTree(markdown.renderer.render(tokens, markdown.options, {}));
  for (const problem of problems) {
    findings.push({
      id: 'unsupported-markup',
      lineIndex: 0,
      column: 0,
      length: 1,
      params: {
        actual: `<${problem.tag}> ${problem.context}`,
        expected: '段落・リスト・表・図・強調・リンクだけが使えます（コードブロックや見出しは使えません）。',
        hint: 'Only paragraphs, lists, tables, figures, emphasis and links can be written.',
      },
    });
  }
  return findings;
}
