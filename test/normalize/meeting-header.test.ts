import { describe, expect, it } from 'vitest';
import { formatMeetingNumber, formatMeetingPlace, formatMeetingTimes } from '../../src/normalize/meeting-header.js';
import { meetingIdOf } from '../../src/schema/meeting-id.js';
import { compareMeetings } from '../../src/normalize/meeting-order.js';
import { clockTime } from '../../src/schema/common.js';

/** A time of day as the schema reads it. */
const at = (text: string) => clockTime.parse(text);

describe('the head of a meeting, as printed', () => {
  it('prints a number, a provisional number, and a number the sources do not give', () => {
    expect(formatMeetingNumber(8)).toBe('第8回');
    expect(formatMeetingNumber({ status: '暫定', value: 2 })).toBe('第2回（暫定）');
    expect(formatMeetingNumber('不明')).toBe('回次不明');
    expect(formatMeetingNumber({ status: '非公表', note: '※理由' })).toBe('回次非公表');
  });

  it('prints both times, or the status of the one not given, or one status for both', () => {
    expect(formatMeetingTimes(at('10:00'), at('11:59'))).toBe('10:00～11:59');
    expect(formatMeetingTimes(at('10:00'), '不明')).toBe('10:00～不明');
    expect(formatMeetingTimes('非公表', '非公表')).toBe('（時刻非公表）');
    expect(formatMeetingTimes('不明', '非公表')).toBe('不明～非公表');
    expect(formatMeetingTimes({ status: '暫定', value: at('10:00') }, at('12:00'))).toBe('10:00（暫定）～12:00');
  });

  it('prints a place not given with its note', () => {
    expect(formatMeetingPlace('Web会議')).toBe('Web会議');
    expect(formatMeetingPlace({ status: '非公表', note: '※警備上の理由により非公表' })).toBe('非公表 ※警備上の理由により非公表');
  });

  it('names the file of a meeting with a two-digit number', () => {
    expect(meetingIdOf(2025, 1)).toBe('fy2025-01');
    expect(meetingIdOf(2022, 12)).toBe('fy2022-12');
  });
});

describe('the order of meetings', () => {
  it('orders by fiscal year, then number, and by date where a number is not given', () => {
    const meetings = [
      { id: 'b', fiscalYear: 2025, number: 2, isoDate: '2025-07-01' },
      { id: 'x', fiscalYear: 2025, isoDate: '2025-06-20' },
      { id: 'a', fiscalYear: 2025, number: 1, isoDate: '2025-06-12' },
      { id: 'z', fiscalYear: 2024, number: 8, isoDate: '2025-01-28' },
    ];
    expect([...meetings].sort(compareMeetings).map((m) => m.id)).toEqual(['z', 'a', 'x', 'b']);
  });
});
