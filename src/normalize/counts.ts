import type { CountData, CountsData } from '../schema/incident.js';
import { parseCountText, splitQualifiers } from '../model/count-notation.js';
import { groupDigits } from '../model/digits.js';
import { formatWarekiDate } from '../model/era.js';
import { parseIsoDate } from '../model/date-time.js';
import { isStatusWord, readUncertain } from '../model/uncertain.js';

type CountList = string | CountData | CountData[];

/** The counts of a cell whose value is known (a status word or status object gives none). */
export function knownCounts(counts: CountsData | undefined): CountData[] {
  if (counts === undefined) return [];
  const read = readUncertain<CountList>(counts);
  if (!read.known) return [];
  const value = read.value;
  if (typeof value === 'string') return isStatusWord(value) ? [] : [{ value }];
  return Array.isArray(value) ? value : [value];
}

function formatValue(value: CountData['value']): string {
  return typeof value === 'number' ? groupDigits(value) : value;
}

/** 「（当初約200万人（速報、令和6年1月2日））」 */
function formatHistory(count: CountData): string {
  if (!count.history) return '';
  const earlier = count.history.map((h) => {
    const date = h.date ? parseIsoDate(h.date) : undefined;
    const when = [h.stage, date && formatWarekiDate(date)].filter(Boolean).join('、');
    return `${h.qualifier ?? ''}${formatValue(h.value)}${h.unit ?? count.unit ?? ''}${h.suffix ?? ''}${when ? `（${when}）` : ''}`;
  });
  return `（当初${earlier.join('、その後')}）`;
}

/** 「有料プラン契約数：最大約5.9万社」; 「うち…」 for a count inside the one before; 「（暫定）」 when provisional. */
export function formatCount(count: CountData): string {
  const label = count.label ? `${count.label}：` : '';
  const within = count.within ? 'うち' : '';
  if (isStatusWord(count.value)) return `${within}${label}${count.value}${count.remark ?? ''}`;
  const status = count.provisional ? '（暫定）' : '';
  return `${within}${label}${count.qualifier ?? ''}${formatValue(count.value)}${count.unit ?? ''}${count.suffix ?? ''}${status}${count.remark ?? ''}${formatHistory(count)}`;
}

/** The printed lines of a count cell. A status prints as its word (不明 / 非公表 / 調査中), never as a number. */
export function formatCounts(counts: CountsData | undefined): string[] {
  if (counts === undefined) return [];
  const read = readUncertain<CountList>(counts);
  if (!read.known) return [read.status];
  const value = read.value;
  const lines = typeof value === 'string' ? [value] : (Array.isArray(value) ? value : [value]).map(formatCount);
  return read.status ? lines.map((l) => `${l}（${read.status}）`) : lines;
}

/** A count read as a number, with its qualifiers and unit apart; undefined when it is not numeric. */
export function readCount(count: CountData): { number: number; qualifiers: string[]; unit?: string } | undefined {
  if (isStatusWord(count.value)) return undefined;
  const parsed = typeof count.value === 'number' ? { number: count.value, qualifiers: [] } : parseCountText(count.value);
  if (!parsed) return undefined;
  const qualifiers = [...splitQualifiers(count.qualifier), ...parsed.qualifiers, ...splitQualifiers(count.suffix)];
  const unit = count.unit ?? ('unit' in parsed ? parsed.unit : undefined);
  return { number: parsed.number, qualifiers, ...(unit && { unit }) };
}

/** The numeric size of a count, for threshold checks: 「5.9万」 → 59000, 「44万6000」 → 446000. */
export function countToNumber(count: CountData): number | undefined {
  return readCount(count)?.number;
}

/** The largest numeric count in a cell (several plans or operators: the largest one decides). */
export function maxCount(counts: CountsData | undefined): number | undefined {
  const values = knownCounts(counts).map(countToNumber).filter((n): n is number => n !== undefined);
  return values.length ? Math.max(...values) : undefined;
}

/** The sum of a cell's counts that are not inside another (「うち」), or undefined when one is not numeric. */
export function sumCounts(counts: CountsData | undefined): number | undefined {
  const outer = knownCounts(counts).filter((c) => !c.within);
  const values = outer.map(countToNumber);
  return values.length && values.every((n) => n !== undefined) ? values.reduce<number>((a, b) => a + (b ?? 0), 0) : undefined;
}
