import { z } from 'zod';
import { parseDateTime, parseIsoDate, parseIsoDuration, parseReportTime, parseTime } from '../model/date-time.js';
import type { CalendarDate, ClockTime, DateTime, ReportTime } from '../model/date-time.js';
import { ParsedText } from '../model/parsed-text.js';
import { hasEra } from '../model/era.js';
import { statusKeys, statusWords } from '../model/uncertain.js';
import { field } from '../model/field.js';

/**
 * A text the schema reads once into its typed value (src/model/parsed-text.ts), or reports with the catalogue id
 * `problem` names (the id of an unreadable value, or of a value out of range), quoting the text.
 */
const parsedText = <T>(parse: (text: string) => T | undefined, problem: (value: T | undefined) => DiagnosticIdOfValue | undefined) =>
  z.string().transform((text, context) => {
    const value = parse(text);
    const id = problem(value);
    if (id || value === undefined) {
      context.addIssue({ code: z.ZodIssueCode.custom, params: { id, actual: text } });
      return z.NEVER;
    }
    return new ParsedText(text, value);
  });

type DiagnosticIdOfValue = 'invalid-date' | 'invalid-datetime' | 'invalid-time' | 'invalid-duration' | 'invalid-report-time' | 'date-before-meiji';

/** A date (or date and time) that parses and has a 和暦: the outputs write every date in 和暦. */
const calendarValue = <T extends CalendarDate>(parse: (text: string) => T | undefined, invalidId: DiagnosticIdOfValue) =>
  parsedText(parse, (value) => (!value ? invalidId : hasEra(value) ? undefined : 'date-before-meiji'));

/** "2025-06-12" or "2025/6/12". */
export const isoDate = calendarValue(parseIsoDate, 'invalid-date');
/** "10:00". */
export const clockTime = parsedText(parseTime, (value) => (value ? undefined : 'invalid-time'));
/** "2025-04-26 07:41", "2025-04-26 17時", "2025-04-26 午前", "2025-04-26", "D1 12:00". */
export const dateTime = calendarValue(parseDateTime, 'invalid-datetime');
/** ISO 8601 "PT23H44M", read as minutes (more than none). */
export const duration = parsedText(parseIsoDuration, (minutes) => (minutes !== undefined && minutes > 0 ? undefined : 'invalid-duration'));
/** A time of the report's timeline: "12:00" (on the first day), "D3 12:00", or a full date-time. */
export const reportTime = parsedText(parseReportTime, (value) => (value ? undefined : 'invalid-report-time'));

export type DateValue = ParsedText<CalendarDate>;
export type DateTimeValue = ParsedText<DateTime>;
export type ReportTimeValue = ParsedText<ReportTime>;
export type TimeValue = ParsedText<ClockTime>;
/** Minutes. */
export type DurationValue = ParsedText<number>;

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
