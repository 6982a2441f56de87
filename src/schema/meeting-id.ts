import { knownValue } from '../model/uncertain.js';
import type { MeetingData } from './meeting.js';

/** The number for sorting, when known. */
export function meetingNumberOf(data: Pick<MeetingData, 'number'>): number | undefined {
  return knownValue(data.number);
}

/** fy2025-01: the id (file name) of the meeting of fiscal year 2025, number 1. */
export const meetingIdOf = (fiscalYear: number, number: number) => `fy${fiscalYear}-${String(number).padStart(2, '0')}`;
