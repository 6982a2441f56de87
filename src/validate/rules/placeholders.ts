import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { LineIndex } from '../../load/line-index.js';
import type { SourceFile } from '../../load/source-file.js';
import type { Rule } from './rule.js';

/**
 * The mark `minutes new` writes where the secretariat has to fill something in: 【要記入：what】. Real records never
 * hold it (unlike ○○, which the ministry's own examples use for masked names and dates).
 */
const PLACEHOLDER = /【要記入[：:][^】\n]*】/g;

/** `【要記入：事業者名】` as the scaffold writes it. */
export function placeholder(what: string): string {
  return `【要記入：${what}】`;
}

/** Whether a value holds a scaffold's mark (other checks leave such a value to this one). */
export function holdsPlaceholder(text: string): boolean {
  return /【要記入[：:][^】\n]*】/.test(text);
}

function placeholdersIn(file: SourceFile): Diagnostic[] {
  const matches = [...file.text.matchAll(PLACEHOLDER)];
  if (matches.length === 0) return [];
  const lines = new LineIndex(file.text);
  return matches.map((match) => {
    const start = lines.positionAt(match.index);
    const end = lines.positionAt(match.index + match[0].length);
    return createDiagnostic('placeholder', file.path, { start, end }, { actual: match[0] });
  });
}

/**
 * A scaffold's placeholder left in a record: the record is not published until it is filled in.
 * OK:   operators: [{ name: 株式会社テスト }]
 * Fail: operators: [{ name: 【要記入：事業者名】 }] → placeholder at the mark
 */
export const checkPlaceholders: Rule = {
  ids: ['placeholder'],
  perRecord: { kinds: ['meeting', 'incident'] },
  check(project) {
    return [...project.meetings.values(), ...project.incidents.values()].flatMap((record) => placeholdersIn(record.file));
  },
};
