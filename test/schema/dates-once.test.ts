/**
 * Dates are parsed once (issue 14): the schema reads each date, date-time, time, duration and report time into its
 * typed value, keeping the text as written; later stages read the value and never parse a string again.
 */
import { describe, expect, it } from 'vitest';
import type { ZodTypeAny } from 'zod';
import { ParsedText } from '../../src/model/parsed-text.js';
import { clockTime, dateTime, duration, isoDate, reportTime, uncertain } from '../../src/schema/common.js';

describe('dates parsed once, by the schema', () => {
  it('reads a date-time into its value and keeps the text as written', () => {
    const read = dateTime.parse('2025/4/26 7:41');
    expect(read).toBeInstanceOf(ParsedText);
    expect(read.text).toBe('2025/4/26 7:41');
    expect(read.value).toEqual({ year: 2025, month: 4, day: 26, hour: 7, minute: 41 });
    expect(dateTime.parse('2025-04-26 17時').value).toMatchObject({ hour: 17, minute: 0, precision: 'hour' });
    expect(dateTime.parse('D3 12:00').value).toMatchObject({ relativeDay: 3, hour: 12 });
  });

  it('reads dates, times, durations and report times', () => {
    expect(isoDate.parse('2025/6/12').value).toEqual({ year: 2025, month: 6, day: 12 });
    expect(clockTime.parse('7:05').value).toEqual({ hour: 7, minute: 5 });
    expect(duration.parse('P1DT2H3M').value).toBe(1440 + 120 + 3);
    expect(reportTime.parse('12:00').value).toMatchObject({ relativeDay: 1, hour: 12, timeOnly: true });
    expect(reportTime.parse('D2 12:00').value.timeOnly).toBeUndefined();
  });

  it('prints and serialises as the text as written, so a record quoted or hashed reads as its source', () => {
    const read = isoDate.parse('2025/6/12');
    expect(`${read}`).toBe('2025/6/12');
    expect(JSON.stringify({ date: read })).toBe('{"date":"2025/6/12"}');
  });

  it('leaves the words of a value not given as they are', () => {
    const occurredAt = uncertain(dateTime);
    expect(occurredAt.parse('不明')).toBe('不明');
    expect(occurredAt.parse({ status: '非公表', note: '※理由' })).toEqual({ status: '非公表', note: '※理由' });
    const provisional = occurredAt.parse({ status: '暫定', value: '2025-04-26 07:41' });
    expect(provisional).toMatchObject({ status: '暫定', value: { text: '2025-04-26 07:41' } });
  });

  it('reports an unreadable value with its catalogue id, quoting the text', () => {
    const issues = (schema: ZodTypeAny, text: string) => schema.safeParse(text).error?.issues.map((i) => (i.code === 'custom' ? i.params : i.code));
    expect(issues(dateTime, '2025-02-30 10:00')).toEqual([{ id: 'invalid-datetime', actual: '2025-02-30 10:00' }]);
    expect(issues(isoDate, '1860-01-01')).toEqual([{ id: 'date-before-meiji', actual: '1860-01-01' }]);
    expect(issues(clockTime, '24:00')).toEqual([{ id: 'invalid-time', actual: '24:00' }]);
    expect(issues(duration, 'PT0M')).toEqual([{ id: 'invalid-duration', actual: 'PT0M' }]);
    expect(issues(reportTime, 'D0 12:00')).toEqual([{ id: 'invalid-report-time', actual: 'D0 12:00' }]);
  });
});
