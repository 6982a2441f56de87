import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../load/source-file.js';
import {
  incidentSections,
  publicitySubsections,
  type IncidentSectionKey,
  type PublicitySubsectionKey,
} from '../schema/labels.js';

export interface BodySection {
  markdown: string;
  /** 1-based line in the file of the section's first content line. */
  line: number;
}

export interface IncidentBody {
  sections: Partial<Record<Exclude<IncidentSectionKey, 'publicity'>, BodySection>>;
  publicity: Partial<Record<PublicitySubsectionKey, BodySection>>;
}

const REQUIRED: readonly IncidentSectionKey[] = ['cause', 'prevention'];
const sectionOrder = Object.keys(incidentSections) as IncidentSectionKey[];

function findKey<T extends string>(table: Record<T, string>, title: string): T | undefined {
  return (Object.keys(table) as T[]).find((k) => table[k] === title);
}

/**
 * Splits an incident body into its sections (## 発生原因 …, ## 情報周知 / ### 自社サイト …) and reports
 * unknown, duplicate, missing and misplaced sections with their lines. A required section the record's report
 * data already gives (`derivedSections`) may be left out.
 */
export function splitIncidentBody(
  file: SourceFile,
  derivedSections: readonly IncidentSectionKey[] = [],
): { body: IncidentBody; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const body: IncidentBody = { sections: {}, publicity: {} };
  const lines = file.body.split('\n');
  const at = (index: number, length: number) => ({
    start: { line: file.bodyStartLine + index, column: 1 },
    end: { line: file.bodyStartLine + index, column: length + 1 },
  });
  // The body offset where each line starts: a section's lines, when they follow one another (a heading the section
  // cannot have is left out of it), are a slice of the body, which keeps no copy of its text (≈ 13 MB at 1000 meetings).
  const starts: number[] = [];
  for (let index = 0, offset = 0; index < lines.length; offset += lines[index].length + 1, index++) starts.push(offset);
  let current: { target: BodySection; lines: number[] } | undefined;
  let currentSection: IncidentSectionKey | undefined;
  let lastOrder = -1;
  let inFence = false;
  const seen = new Set<string>();
  const close = () => {
    if (current) current.target.markdown = sectionText(file.body, lines, starts, current.lines);
    current = undefined;
  };
  const open = (target: BodySection) => {
    close();
    current = { target, lines: [] };
  };
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) {
      if (current) current.lines.push(index);
      else if (line.trim()) diagnostics.push(createDiagnostic('text-outside-section', file.path, at(index, [...line].length)));
      return;
    }
    const level = heading[1].length;
    const title = heading[2];
    const range = at(index, [...line].length);
    if (level === 2) {
      const key = findKey(incidentSections, title);
      if (!key) {
        diagnostics.push(createDiagnostic('unknown-section', file.path, range, { actual: title, expected: Object.values(incidentSections).join('、') }));
        close();
        currentSection = undefined;
        return;
      }
      if (seen.has(key)) diagnostics.push(createDiagnostic('duplicate-section', file.path, range, { actual: title }));
      seen.add(key);
      const order = sectionOrder.indexOf(key);
      if (order < lastOrder) {
        diagnostics.push(createDiagnostic('section-out-of-order', file.path, range, { actual: title, expected: Object.values(incidentSections).join('、') }));
      }
      lastOrder = Math.max(lastOrder, order);
      currentSection = key;
      if (key === 'publicity') {
        close();
        return;
      }
      const section: BodySection = { markdown: '', line: file.bodyStartLine + index + 1 };
      body.sections[key] = section;
      open(section);
      return;
    }
    if (level === 3 && currentSection === 'publicity') {
      const key = findKey(publicitySubsections, title);
      if (!key) {
        diagnostics.push(createDiagnostic('unknown-section', file.path, range, { actual: title, expected: Object.values(publicitySubsections).join('、') }));
        close();
        return;
      }
      if (body.publicity[key]) diagnostics.push(createDiagnostic('duplicate-section', file.path, range, { actual: title }));
      const section: BodySection = { markdown: '', line: file.bodyStartLine + index + 1 };
      body.publicity[key] = section;
      open(section);
      return;
    }
    diagnostics.push(
      createDiagnostic('unsupported-markup', file.path, range, {
        actual: `${heading[1]} ${title}`,
        expected: '見出しは「## 発生原因」などの決まった見出しだけが使えます。小見出しは「＜…＞」の段落で書いてください。',
        hint: 'Only the fixed section headings may be used; write sub-headings as a ＜…＞ paragraph.',
      }),
    );
  });
  close();
  for (const key of REQUIRED.filter((k) => !derivedSections.includes(k))) {
    if (!body.sections[key as Exclude<IncidentSectionKey, 'publicity'>]) {
      const lastLine = Math.max(1, file.text.replace(/\n+$/, '').split('\n').length);
      diagnostics.push(
        createDiagnostic('missing-section', file.path, { start: { line: lastLine, column: 1 }, end: { line: lastLine, column: 1 } }, { actual: incidentSections[key] }),
      );
    }
  }
  return { body, diagnostics };
}

/** The text of a section's lines (indices into `lines`, in order), trimmed: a slice of the body when they are adjacent. */
function sectionText(body: string, lines: readonly string[], starts: readonly number[], indices: readonly number[]): string {
  if (indices.length === 0) return '';
  const first = indices[0];
  const last = indices[indices.length - 1];
  if (last - first + 1 === indices.length) return body.slice(starts[first], starts[last] + lines[last].length).trim();
  return indices.map((i) => lines[i]).join('\n').trim();
}
