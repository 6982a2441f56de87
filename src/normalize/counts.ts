import type { CountData, CountsData } from '../schema/incident.js';

/** Thousands separators for numeric values: 50246 → 「50,246」, never an exponent (1e21 would print 「1e+21」). */
export function groupDigits(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** 「有料プラン契約数：最大約5.9万社」 */
export function formatCount(count: CountData): string {
  const value = typeof count.value === 'number' ? groupDigits(count.value) : count.value;
  const label = count.label ? `${count.label}：` : '';
  return `${label}${count.qualifier ?? ''}${value}${count.unit ?? ''}${count.suffix ?? ''}${count.remark ?? ''}`;
}

/** The printed lines of a count cell. */
export function formatCounts(counts: CountsData | undefined): string[] {
  if (counts === undefined) return [];
  if (typeof counts === 'string') return [counts];
  return (Array.isArray(counts) ? counts : [counts]).map(formatCount);
}

/** The numeric size of a count, for threshold checks: 「5.9万」 → 59000, 「50,246」 → 50246; undefined if not numeric. */
export function countToNumber(count: CountData): number | undefined {
  if (typeof count.value === 'number') return count.value;
  const text = count.value.normalize('NFKC').replace(/[,\s]/g, '');
  const match = /^(\d+(?:\.\d+)?)(万|億)?$/.exec(text);
  if (!match) return undefined;
  const multiplier = match[2] === '億' ? 1e8 : match[2] === '万' ? 1e4 : 1;
  return Math.round(Number(match[1]) * multiplier);
}

/** The largest numeric count in a cell (several plans or operators: the largest one decides). */
export function maxCount(counts: CountsData | undefined): number | undefined {
  if (counts === undefined || typeof counts === 'string') return undefined;
  const values = (Array.isArray(counts) ? counts : [counts]).map(countToNumber).filter((n) => n !== undefined);
  return values.length ? Math.max(...(values as number[])) : undefined;
}
