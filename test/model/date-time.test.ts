import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatClockJa,
  formatDurationJa,
  formatLongDurationJa,
  parseDateTime,
  parseIsoDate,
  parseIsoDuration,
  parseTime,
  weekdayOf,
} from '../../src/model/date-time.js';
import { formatOccurrence } from '../../src/model/era.js';

describe('dates', () => {
  it('accepts ISO and slash forms of real dates', () => {
    expect(parseIsoDate('2025-06-12')).toEqual({ year: 2025, month: 6, day: 12 });
    expect(parseIsoDate('2025/6/12')).toEqual({ year: 2025, month: 6, day: 12 });
  });
  it('rejects dates that do not exist', () => {
    expect(parseIsoDate('2025-02-30')).toBeUndefined();
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-13-01')).toBeUndefined();
    expect(parseIsoDate('令和7年6月12日')).toBeUndefined();
  });
  it('computes the weekday: 2023-01-18 was a Wednesday, not the 火 the original printed', () => {
    expect(weekdayOf({ year: 2023, month: 1, day: 18 })).toBe('水');
    expect(weekdayOf({ year: 2025, month: 6, day: 12 })).toBe('木');
    expect(weekdayOf({ year: 2025, month: 1, day: 28 })).toBe('火');
  });
});

describe('times', () => {
  it('parses times and rejects impossible ones', () => {
    expect(parseTime('7:41')).toEqual({ hour: 7, minute: 41 });
    expect(parseTime('24:00')).toBeUndefined();
    expect(parseTime('10:60')).toBeUndefined();
  });
  it('parses date-times written with a space, a T, or slashes', () => {
    const expected = { year: 2025, month: 4, day: 26, hour: 7, minute: 41 };
    expect(parseDateTime('2025-04-26 07:41')).toEqual(expected);
    expect(parseDateTime('2025-04-26T07:41')).toEqual(expected);
    expect(parseDateTime('2025/4/26 7:41')).toEqual(expected);
    expect(parseDateTime('2025-04-26T07:41:00+09:00')).toEqual(expected);
    expect(parseDateTime('2025-04-31 07:41')).toBeUndefined();
  });
  it('writes hours and minutes without zero padding', () => {
    expect(formatClockJa({ hour: 7, minute: 41 })).toBe('7時41分');
    expect(formatClockJa({ hour: 1, minute: 8 })).toBe('1時8分');
    expect(formatClock({ hour: 10, minute: 0 })).toBe('10:00');
    expect(formatOccurrence({ year: 2022, month: 10, day: 15, hour: 15, minute: 30 }, true)).toBe('令和4年10月15日 15時30分頃');
  });
});

describe('durations', () => {
  it('parses ISO 8601 durations into minutes', () => {
    expect(parseIsoDuration('PT23H44M')).toBe(23 * 60 + 44);
    expect(parseIsoDuration('P10DT11H40M')).toBe(10 * 1440 + 11 * 60 + 40);
    expect(parseIsoDuration('PT45M')).toBe(45);
    expect(parseIsoDuration('23:44')).toBeUndefined();
    expect(parseIsoDuration('P')).toBeUndefined();
  });
  it('does not roll hours into days in the minutes form', () => {
    expect(formatDurationJa(34 * 60 + 10)).toBe('34時間10分');
    expect(formatDurationJa(2 * 60 + 2)).toBe('2時間2分');
    expect(formatDurationJa(45)).toBe('45分');
    expect(formatDurationJa(180)).toBe('3時間');
  });
  it('writes the report form with days', () => {
    expect(formatLongDurationJa(10 * 1440 + 11 * 60 + 40)).toBe('10日間11時間40分間');
  });
});
