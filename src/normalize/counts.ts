import type { CountData, CountsData } from '../schema/incident.js';
import { groupDigits } from '../model/digits.js';
import { formatWarekiDate } from '../model/era.js';
import { isStatusWord, readUncertain } from '../model/uncertain.js';

type CountList = string | CountData | CountData[];

function formatValue(value: CountData['value']): string {
  return typeof value === 'number' ? groupDigits(value) : value;
}

/** 「（当初約200万人（速報、令和6年1月2日））」 */
function formatHistory(count: CountData): string {
  if (!count.history) return '';
  const earlier = count.history.map((h) => {
    const when = [h.stage, h.date && formatWarekiDate(h.date.value)].filter(Boolean).join('、');
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

