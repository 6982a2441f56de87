import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { locateYamlPath } from '../../load/locate.js';
import { parseCountText } from '../../model/count-notation.js';
import { isStatusWord } from '../../model/uncertain.js';
import type { CountsData, IncidentData } from '../../schema/incident.js';
import type { Rule } from './rule.js';
import { holdsPlaceholder } from './placeholders.js';

/** Text a count cell may hold that says there is nothing to count. */
const NOTHING = new Set(['-', '－', '―', 'なし', '該当なし']);

type Path = (string | number)[];

/** Every count cell of an incident with its YAML path. */
function countCells(data: IncidentData): { counts: CountsData; path: Path }[] {
  const cells: { counts: CountsData | undefined; path: Path }[] = [
    { counts: data.affectedUsers, path: ['affectedUsers'] },
    { counts: data.inquiries, path: ['inquiries'] },
    ...(data.operators ?? []).flatMap((o, i) => [
      { counts: o.affectedUsers, path: ['operators', i, 'affectedUsers'] },
      { counts: o.inquiries, path: ['operators', i, 'inquiries'] },
    ]),
    ...(data.bySeverity ?? []).map((s, i) => ({ counts: s.affectedUsers, path: ['bySeverity', i, 'affectedUsers'] })),
  ];
  return cells.filter((c): c is { counts: CountsData; path: Path } => c.counts !== undefined);
}

/** Written values of a cell that should read as numbers, with their paths. */
function writtenValues(counts: CountsData, path: Path): { text: string; path: Path }[] {
  if (typeof counts === 'string') return isStatusWord(counts) || NOTHING.has(counts.trim()) ? [] : [{ text: counts, path }];
  if (Array.isArray(counts)) return counts.flatMap((c, i) => writtenValues(c, [...path, i]));
  if ('status' in counts) return counts.value === undefined ? [] : writtenValues(counts.value, [...path, 'value']);
  return typeof counts.value === 'string' && !isStatusWord(counts.value) ? [{ text: counts.value, path: [...path, 'value'] }] : [];
}

/**
 * Every count reads as a number (src/model/count-notation.ts), so thresholds can be checked and the register can sum
 * it; a value that does not is a warning, never skipped without a word.
 * OK:   value: 44万6000 · value: "3,060万" · affectedUsers: 約13.9万回線 · inquiries: "-" · value: 非公表
 * Fail: value: 数十万 → count-not-numeric (warning)
 */
export const checkCountNotation: Rule = {
  ids: ['count-not-numeric'],
  perRecord: { kinds: ['incident'] },
  check(project) {
    const diagnostics: Diagnostic[] = [];
    for (const { file, data } of project.incidents.values()) {
      for (const { counts, path } of countCells(data)) {
        for (const written of writtenValues(counts, path)) {
          if (parseCountText(written.text) || holdsPlaceholder(written.text)) continue;
          diagnostics.push(createDiagnostic('count-not-numeric', file.path, locateYamlPath(file, written.path), { actual: written.text }));
        }
      }
    }
    return diagnostics;
  },
};
