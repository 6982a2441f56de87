import { toHalfWidth } from './width.js';
import { findClockTime, findWarekiDate, formatClock, isoDateOf, isRealDate } from './wareki.js';

export interface Occurrence {
  occurredAt: string;
  approximate?: boolean;
  duration?: string;
  durationApproximate?: boolean;
}

/** Splits a cell at ① ② … (one part when the cell has none). */
export function splitCircled(text: string): string[] {
  const parts = text.split(/[①-⑳]/).map((p) => p.trim());
  return parts.length > 1 ? parts.slice(1) : [text.trim()];
}

/** 令和4年12月2日 8時55分（頃） → "2022-12-02 08:55" (and approximate); undefined when not a full date-time. */
export function parseOccurredAt(text: string): { occurredAt: string; approximate: boolean } | undefined {
  const date = findWarekiDate(text);
  if (!date || !isRealDate(date)) return undefined;
  const rest = text.slice(date.end);
  const time = findClockTime(rest);
  if (!time || rest.slice(0, time.index).trim() !== '') return undefined;
  const after = rest.slice(time.end).trim();
  if (after && !/^頃$/.test(after)) return undefined;
  return { occurredAt: `${isoDateOf(date)} ${formatClock(time)}`, approximate: after === '頃' };
}

/** 約10時間46分 → PT10H46M (approximate); 10日11時間40分 → P10DT11H40M; undefined for anything else. */
export function parseDuration(text: string): { duration: string; approximate: boolean } | undefined {
  const m = /^(約)?\s*(?:(\d+)\s*日(?:間)?)?\s*(?:(\d+)\s*時間)?\s*(?:(\d+)\s*分(?:間)?)?\s*$/.exec(toHalfWidth(text.trim()));
  if (!m || (!m[2] && !m[3] && !m[4])) return undefined;
  const [, about, days, hours, minutes] = m;
  const time = `${hours ? `${Number(hours)}H` : ''}${minutes ? `${Number(minutes)}M` : ''}`;
  const duration = `P${days ? `${Number(days)}D` : ''}${time ? `T${time}` : ''}`;
  return { duration, approximate: Boolean(about) };
}
