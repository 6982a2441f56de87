import { formatClockJa, type CalendarDate, type DateTime } from './date-time.js';

/** Japanese eras, newest first, with the first day of each (元号を改める政令). */
const eras = [
  { name: '令和', start: { year: 2019, month: 5, day: 1 } },
  { name: '平成', start: { year: 1989, month: 1, day: 8 } },
  { name: '昭和', start: { year: 1926, month: 12, day: 25 } },
  { name: '大正', start: { year: 1912, month: 7, day: 30 } },
  { name: '明治', start: { year: 1868, month: 1, day: 25 } },
] as const;

const serial = (d: CalendarDate): number => d.year * 10000 + d.month * 100 + d.day;

/** Whether a date has a 和暦 this tool writes (明治 or later). */
export function hasEra(date: CalendarDate): boolean {
  return serial(date) >= serial(eras[eras.length - 1].start);
}

/** The era and the year within it for a date; the first year is 元年. */
export function eraOf(date: CalendarDate): { era: string; eraYear: number } {
  const era = eras.find((e) => serial(date) >= serial(e.start));
  if (!era) throw new Error(`date before 明治 is outside the supported range: ${date.year}-${date.month}-${date.day}`);
  return { era: era.name, eraYear: date.year - era.start.year + 1 };
}

export function formatEraYear(eraYear: number): string {
  return eraYear === 1 ? '元' : String(eraYear);
}

/** 「令和7年6月12日」 (no zero padding, 元年 for the first year). */
export function formatWarekiDate(date: CalendarDate): string {
  const { era, eraYear } = eraOf(date);
  return `${era}${formatEraYear(eraYear)}年${date.month}月${date.day}日`;
}

/** 「令和4年12月」 */
export function formatWarekiMonth(date: CalendarDate): string {
  const { era, eraYear } = eraOf(date);
  return `${era}${formatEraYear(eraYear)}年${date.month}月`;
}

/**
 * 「令和7年度」 for the fiscal year starting in April of `startYear`. The year is named after the era of the
 * Gregorian year it starts in, counted at the year's end (FY2019 = 令和元年度, FY1989 = 平成元年度).
 */
export function formatFiscalYear(startYear: number): string {
  const { era, eraYear } = eraOf({ year: startYear, month: 12, day: 31 });
  return `${era}${formatEraYear(eraYear)}年度`;
}

/** The fiscal year (by its starting Gregorian year) a date belongs to: April to March. */
export function fiscalYearOf(date: CalendarDate): number {
  return date.month >= 4 ? date.year : date.year - 1;
}

/** 「令和7年4月26日」, or 「平成○年○月○日」 for a masked date (the era given by report.datesMasked). */
export function formatIncidentDate(value: DateTime, maskedEra = ''): string {
  return value.relativeDay !== undefined ? `${maskedEra}○年○月○日` : formatWarekiDate(value);
}

/** 「令和7年4月26日 7時41分」, 「令和7年4月26日 17時頃」, 「令和7年4月26日 午前」, 「令和7年4月26日」. */
export function formatOccurrence(value: DateTime, approximate = false, maskedEra = ''): string {
  const clock = formatClockJa(value);
  return `${formatIncidentDate(value, maskedEra)}${clock ? ` ${clock}` : ''}${approximate ? '頃' : ''}`;
}
