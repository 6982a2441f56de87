import { formatUncertain, readUncertain, uncertainNote, type UncertainInput } from '../model/uncertain.js';
import type { MeetingData } from '../schema/meeting.js';
import { formatClock } from '../model/date-time.js';
import type { TimeValue } from '../schema/common.js';

/**
 * The head of a meeting's minutes: its number, times and place, as the ministry prints them. A value the sources do
 * not give prints as its status (不明 / 非公表 / 調査中), never as a made-up value.
 */

/** A printed value and its reason note: 「非公表 ※警備上の理由により非公表」. */
function withNote<T>(input: UncertainInput<T>, format: (value: T) => string): string {
  const note = uncertainNote(input);
  return note ? `${formatUncertain(input, format)} ${note}` : formatUncertain(input, format);
}

/** 「第1回」; 「回次不明」, 「回次非公表」 or 「回次調査中」 when the number is not given; 「第1回（暫定）」. */
export function formatMeetingNumber(number: MeetingData['number']): string {
  const read = readUncertain(number);
  if (!read.known) return `回次${read.status}`;
  return formatUncertain(number, (n) => `第${n}回`);
}

const clock = (time: TimeValue) => formatClock(time.value);

/**
 * 「10:00～11:59」; 「10:00～不明」 when one end is not given; 「（時刻不明）」 when neither is, with the same status.
 */
export function formatMeetingTimes(start: MeetingData['start'], end: MeetingData['end']): string {
  const from = readUncertain(start);
  const to = readUncertain(end);
  if (!from.known && !to.known && from.status === to.status && !from.note && !to.note) return `（時刻${from.status}）`;
  return `${withNote(start, clock)}～${withNote(end, clock)}`;
}

/** 「Web会議」, or the status of a place not given, with its note. */
export function formatMeetingPlace(place: MeetingData['place']): string {
  return withNote(place, (v) => v);
}
