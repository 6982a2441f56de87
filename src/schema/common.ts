import { z } from 'zod';
import { parseIsoDate, parseDateTime, parseTime, parseIsoDuration } from '../model/date-time.js';
import type { CalendarDate } from '../model/date-time.js';
import { hasEra } from '../model/era.js';
import { statusKeys, statusWords } from '../model/uncertain.js';
import { field } from '../model/field.js';

/** A zod refinement that records the catalogue id to report, with the offending value. */
const withId = (id: string) => (value: unknown) => ({ params: { id, actual: String(value) } });

/** A date (or date and time) that parses and has a 和暦: the outputs write every date in 和暦. */
const calendarValue = (parse: (value: string) => CalendarDate | undefined, invalidId: string) =>
  z.string().superRefine((value, context) => {
    const parsed = parse(value);
    const id = !parsed ? invalidId : hasEra(parsed) ? undefined : 'date-before-meiji';
    if (id) context.addIssue({ code: z.ZodIssueCode.custom, params: { id, actual: value } });
  });

export const isoDate = calendarValue(parseIsoDate, 'invalid-date');
export const clockTime = z.string().refine((v) => parseTime(v) !== undefined, withId('invalid-time'));
export const dateTime = calendarValue(parseDateTime, 'invalid-datetime');
export const duration = z.string().refine((v) => {
  const minutes = parseIsoDuration(v);
  return minutes !== undefined && minutes > 0;
}, withId('invalid-duration'));

export const text = z.string().min(1);
/**
 * A number of users, inquiries or contracts. Above 2^53 a number is no longer exact (12345678901234567890123 would
 * print 12,345,678,901,234,567,741,440): such a count is written as text, exactly as it is printed.
 */
export const countNumber = z
  .number()
  .finite()
  .nonnegative()
  .refine((value) => !Number.isFinite(value) || value <= Number.MAX_SAFE_INTEGER, {
    message: 'too large to be exact: write it as text, quoted, exactly as it is printed',
    params: { ja: '数値が大きすぎて正確に扱えません。"…" で囲み、印刷する形のまま文字列で書いてください。' },
  });
/** Markdown text (rendered with the shared markdown-it instance). */
export const markdown = z.string();

export const revision = z
  .object({
    date: field(isoDate, { label: '修正日', kind: 'date' }),
    note: field(text, { label: '修正の内容', kind: 'text', help: '（令和7年6月20日 一部修正）の「一部修正」' }),
  })
  .strict();

const statusObject = <T extends z.ZodTypeAny>(inner: T) =>
  z
    .object({
      status: z.enum(statusKeys),
      value: inner.optional(),
      note: markdown.optional(),
    })
    .strict()
    .superRefine((v, context) => {
      if (v.status === '暫定' && v.value === undefined) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['value'], params: { id: 'missing-field' } });
      }
      if ((v.status === '不明' || v.status === '非公表') && v.value !== undefined) {
        context.addIssue({ code: z.ZodIssueCode.custom, path: ['status'], params: { id: 'status-with-value', actual: v.status } });
      }
    });

/**
 * A value the sources may not give: the value, a status word (不明 / 非公表 / 調査中), or a status with a note or a
 * provisional value (`{ status: 暫定, value: … }`). See src/model/uncertain.ts.
 */
export const uncertain = <T extends z.ZodTypeAny>(inner: T) => z.union([z.enum(statusWords), statusObject(inner), inner]);
