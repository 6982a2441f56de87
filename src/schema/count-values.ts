import { parseCountText, splitQualifiers } from '../model/count-notation.js';
import { isStatusWord, readUncertain } from '../model/uncertain.js';
import type { CountData, CountsData } from './incident.js';

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
