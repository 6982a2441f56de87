import { z } from 'zod';
import { parseIsoDate, parseDateTime, parseTime, parseIsoDuration } from '../normalize/datetime.js';

/** A zod refinement that records the catalogue id to report, with the offending value. */
const withId = (id: string) => (value: unknown) => ({ params: { id, actual: String(value) } });

export const isoDate = z.string().refine((v) => parseIsoDate(v) !== undefined, withId('invalid-date'));
export const clockTime = z.string().refine((v) => parseTime(v) !== undefined, withId('invalid-time'));
export const dateTime = z.string().refine((v) => parseDateTime(v) !== undefined, withId('invalid-datetime'));
export const duration = z.string().refine((v) => {
  const minutes = parseIsoDuration(v);
  return minutes !== undefined && minutes > 0;
}, withId('invalid-duration'));

export const text = z.string().min(1);
/** Markdown text (rendered with the shared markdown-it instance). */
export const markdown = z.string();

export const revision = z
  .object({
    date: isoDate,
    note: text,
  })
  .strict();
