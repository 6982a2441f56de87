import { toHalfWidth, parseJapaneseNumber } from './width.js';

const ERA_START: Record<string, number> = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 };

export interface WarekiMatch {
  year: number;
  month: number;
  day: number;
  /** The weekday printed after the date, if any: 木. */
  weekday?: string;
  /** Index in the searched text just after the date (and weekday). */
  end: number;
  index: number;
}

const DATE = /(明治|大正|昭和|平成|令和)\s*([0-9０-９元]+)\s*年\s*([0-9０-９]+)\s*月\s*([0-9０-９]+)\s*日(?:\s*[（(]\s*([月火水木金土日])\s*[）)])?/;

/** Finds the first 和暦 date (令和7年6月12日, 令和５年１月１８日（火）, 令和 4年 12月17日) in a text. */
export function findWarekiDate(text: string): WarekiMatch | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const eraYear = parseJapaneseNumber(m[2]);
  if (eraYear === undefined) return undefined;
  return {
    year: ERA_START[m[1]] + eraYear,
    month: Number(toHalfWidth(m[3])),
    day: Number(toHalfWidth(m[4])),
    weekday: m[5],
    index: m.index,
    end: m.index + m[0].length,
  };
}

export function isoDateOf(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** A real calendar date (no 2月30日). */
export function isRealDate(d: { year: number; month: number; day: number }): boolean {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return t.getUTCFullYear() === d.year && t.getUTCMonth() === d.month - 1 && t.getUTCDate() === d.day;
}

/** 日月火水木金土 of a date (the calendar, not a clock). */
export function weekdayKanji(d: { year: number; month: number; day: number }): string {
  return '日月火水木金土'[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
}

/** 7時41分, 7:41, ７時４１分 → minutes since midnight parts; undefined when absent. */
export function findClockTime(text: string): { hour: number; minute: number; index: number; end: number } | undefined {
  const m = /([0-9０-９]{1,2})\s*(?:[:：]\s*([0-9０-９]{2})|時\s*([0-9０-９]{1,2})\s*分)/.exec(text);
  if (!m) return undefined;
  const hour = Number(toHalfWidth(m[1]));
  const minute = Number(toHalfWidth(m[2] ?? m[3]));
  if (hour > 24 || minute > 59) return undefined;
  return { hour, minute, index: m.index, end: m.index + m[0].length };
}

export function formatClock(t: { hour: number; minute: number }): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}
