/** A day of the Gregorian calendar, read in JST. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface ClockTime {
  hour: number;
  minute: number;
}

/**
 * How much of a date-time the sources give: to the minute (「7時41分」), the hour (「17時」), a part of the day
 * (「午前」), or the date alone. Only minute values take part in computed durations.
 */
export type TimePrecision = 'minute' | 'hour' | 'part' | 'date';

export interface DateTime extends CalendarDate, ClockTime {
  /** Set for a masked date ("D3 12:00" = 12:00 on the incident's third day): the date itself is not published. */
  relativeDay?: number;
  /** Absent means 'minute'. For coarser values, hour and minute only order them (the start of the span). */
  precision?: TimePrecision;
  /** The part of the day as written (午前, 午後, 未明 …) when precision is 'part'. */
  dayPart?: string;
}

/** Parts of the day the ministry writes, with the hour they start at (used for ordering only). */
export const dayParts: Readonly<Record<string, number>> = {
  未明: 0,
  早朝: 5,
  朝: 6,
  午前: 0,
  昼: 11,
  午後: 12,
  夕方: 16,
  夜: 18,
  夜間: 18,
  深夜: 22,
};

/** Whether a date-time is known to the minute, so that it may enter a computed duration or an order check. */
export function isExact(value: DateTime): boolean {
  return (value.precision ?? 'minute') === 'minute';
}

const weekdays = ['日', '月', '火', '水', '木', '金', '土'] as const;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

/** "2025-06-12" or "2025/6/12" → a real calendar date, or undefined. */
export function parseIsoDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  return isRealDate(year, month, day) ? { year, month, day } : undefined;
}

/** "10:00", "7:41" or "07:41:00" → a time of day, or undefined. */
export function parseTime(value: string): ClockTime | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(value.trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** Anchor of masked dates: day n is this date plus n - 1 days, so that differences and order still work. */
const MASKED_ANCHOR = Date.UTC(2000, 0, 1);

/** A time on day n of the incident (n ≥ 1), for records whose dates are not published: "D3 12:00". */
export function maskedDay(relativeDay: number, time: ClockTime): DateTime {
  const anchor = new Date(MASKED_ANCHOR + (relativeDay - 1) * 86400000);
  return { year: anchor.getUTCFullYear(), month: anchor.getUTCMonth() + 1, day: anchor.getUTCDate(), hour: time.hour, minute: time.minute, relativeDay };
}

/** A time of the report's timeline. */
export interface ReportTime extends DateTime {
  /** Written as a time alone ("12:00"): on the day of the first occurrence, whatever that day is. */
  timeOnly?: true;
}

/** A time of the report's timeline: "12:00" (on the first day), "D3 12:00", or a full date-time. */
export function parseReportTime(value: string): ReportTime | undefined {
  if (!/^\d{1,2}:\d{2}$/.test(value.trim())) return parseDateTime(value);
  const time = parseTime(value);
  return time && { ...maskedDay(1, time), timeOnly: true };
}

/**
 * "2025-04-26 07:41", "2025-04-26T07:41", "2025/4/26 7:41", optionally with "+09:00" (JST only); or a masked date
 * "D1 12:00" (the first day of the incident), for records whose dates are not published.
 */
export function parseDateTime(value: string): DateTime | undefined {
  const relative = /^D(\d{1,3})[T ](\d{1,2}:\d{2})$/.exec(value.trim());
  if (relative) {
    const relativeDay = Number(relative[1]);
    const time = parseTime(relative[2]);
    return relativeDay < 1 || !time ? undefined : maskedDay(relativeDay, time);
  }
  const trimmed = value.trim();
  const match = /^(\S+?)[T ](\d{1,2}:\d{2}(?::00)?)(\+09:00)?$/.exec(trimmed);
  if (match) {
    const date = parseIsoDate(match[1]);
    const time = parseTime(match[2]);
    return date && time ? { ...date, ...time } : undefined;
  }
  return parseCoarseDateTime(trimmed);
}

/** "2025-04-26 17時" or "2025-04-26T17" (the hour), "2025-04-26 午前" (a part of the day), "2025-04-26" (the date). */
function parseCoarseDateTime(value: string): DateTime | undefined {
  const dateOnly = parseIsoDate(value);
  if (dateOnly) return { ...dateOnly, hour: 0, minute: 0, precision: 'date' };
  const coarse = /^(\S+?)(?:T| +)(?:(\d{1,2})時?|(\S+))$/.exec(value);
  if (!coarse) return undefined;
  const date = parseIsoDate(coarse[1]);
  if (!date) return undefined;
  if (coarse[2] !== undefined) {
    const hour = Number(coarse[2]);
    return hour <= 23 ? { ...date, hour, minute: 0, precision: 'hour' } : undefined;
  }
  const start = dayParts[coarse[3]];
  return start === undefined ? undefined : { ...date, hour: start, minute: 0, precision: 'part', dayPart: coarse[3] };
}

/** ISO 8601 duration with days, hours and minutes ("PT23H44M", "P10DT11H40M") → minutes. */
export function parseIsoDuration(value: string): number | undefined {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value.trim());
  if (!match || value.trim() === 'P' || value.trim().endsWith('T')) return undefined;
  const [days, hours, minutes] = match.slice(1).map((part) => Number(part ?? 0));
  return days * 1440 + hours * 60 + minutes;
}

/** Minutes since the epoch of a JST date-time; only used for differences and ordering. */
export function toEpochMinutes(value: DateTime): number {
  return Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute) / 60000 - 9 * 60;
}

export function weekdayOf(date: CalendarDate): string {
  return weekdays[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
}

/** 「7時41分」; 「17時」 for a value known to the hour, 「午前」 for a part of the day, '' for a date alone. */
export function formatClockJa(time: ClockTime & Pick<DateTime, 'precision' | 'dayPart'>): string {
  switch (time.precision ?? 'minute') {
    case 'hour':
      return `${time.hour}時`;
    case 'part':
      return time.dayPart ?? '';
    case 'date':
      return '';
    default:
      return `${time.hour}時${time.minute}分`;
  }
}

/** 「10:00」 */
export function formatClock(time: ClockTime): string {
  return `${time.hour}:${String(time.minute).padStart(2, '0')}`;
}

/** 「23時間44分」: hours are not rolled into days; 「45分」 under an hour, 「3時間」 on the hour. */
export function formatDurationJa(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes}分`;
  return minutes === 0 ? `${hours}時間` : `${hours}時間${minutes}分`;
}

/** 「10日間11時間40分間」, the form of the detailed accident report. */
export function formatLongDurationJa(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [days ? `${days}日間` : '', hours ? `${hours}時間` : '', minutes ? `${minutes}分間` : ''];
  return parts.join('') || '0分間';
}

export function toIsoDate(date: CalendarDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}
