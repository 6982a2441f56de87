import { z } from 'zod';
import { countNumber, markdown, reportTime, text } from './common.js';
import { incidentSections } from './labels.js';

/** Parts of the report that can carry a guidance note: its body sections and the parts built from data. */
export const guidanceKeys = [...Object.keys(incidentSections).filter((k) => k !== 'publicity'), 'overview', 'causesByStage', 'countermeasures'];

/**
 * The detailed accident report (重大な事故報告, the ministry's 記載例): everything an operator reports beyond the
 * minutes' summary table. Every key is optional, so a minutes-only incident stays valid; an incident with a
 * `report` block is also published as its own report document.
 *
 * Times inside the report are "HH:MM" on the day of the first occurrence, "D<n> HH:MM" on its n-th day (D1 = the
 * day of occurrence), or a full date-time. The printed date of a report time is the date it falls on ("4/26"), or
 * "○/○" when the incident's dates are masked (`datesMasked`, as in the ministry's fictional example).
 */

/** A 「------障害発生------」 line between timeline entries: the phase the incident enters. */
const phaseMarker = z.object({ marker: text }).strict();

const timelineEvent = z
  .object({
    at: reportTime,
    /** The date is printed with the time (「○/○ 12:00」) even when the day did not change. */
    showDate: z.boolean().optional(),
    /** A stage heading printed before the entry: （障害検知）（障害箇所の特定）（復旧対処）. */
    stage: z.string().optional(),
    text: markdown,
  })
  .strict();

const contact = z
  .object({
    at: reportTime,
    /** The department that passed it on, and the one it reached; omitted where the report does not say. */
    from: z.string().optional(),
    to: z.string().optional(),
    text: markdown,
  })
  .strict();

const cause = z
  .object({
    /** Key other entries use to name this cause (countermeasures[].causes). */
    id: text,
    /** Why it grew: 大規模化 (scale) or 長期化 (duration), or any other grouping the report uses. */
    group: text,
    text: text,
    /** The cause per management stage (管理工程): 工事時, 維持・運用時, 設計時 … */
    stages: z
      .array(
        z
          .object({
            stage: text,
            summary: text,
            details: z.array(markdown).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const countermeasure = z
  .object({
    text: text,
    kind: z.enum(['暫定', '恒久']),
    /** Ids of the causes this measure answers. */
    causes: z.array(text).optional(),
    /** The schedule as the report states it: 【平成○年○月○日に実施済み】. */
    schedule: z.string().optional(),
    status: z.enum(['done', 'planned', 'considering']).optional(),
  })
  .strict();

const notice = z
  .object({
    /** 「第１報」, 「第４～１１報」 */
    number: text,
    at: z.string().min(1),
    channel: z.string().optional(),
    text: markdown,
  })
  .strict();

const seriesPoint = z.object({ at: reportTime, count: countNumber }).strict();

export const reportSchema = z
  .object({
    /** 「データ伝送役務（インターネット関連サービス（電子メール））の事故の記載例」 */
    title: text,
    /** A label printed above the title, such as （別紙）. */
    label: z.string().optional(),
    /** A notice printed under the title (the example's 「※本資料は…架空である」). */
    disclaimer: markdown.optional(),
    /** Dates are masked in print (平成○年○月○日○曜日): the era to show. */
    datesMasked: z.string().optional(),
    place: z.string().optional(),
    affectedUsers: z
      .object({
        maximum: countNumber,
        unit: z.string().optional(),
        basis: z.string().optional(),
        total: countNumber.optional(),
        totalAsOf: z.string().optional(),
      })
      .strict()
      .optional(),
    serviceNames: z.array(text).optional(),
    causeSummary: z.array(text).optional(),
    /** A guidance note printed beside a section of the example (※…を記載), by section key. */
    guidance: z.object(Object.fromEntries(guidanceKeys.map((key) => [key, z.string().optional()]))).strict().optional(),
    usersOverTime: z
      .object({
        caption: z.string().optional(),
        points: z.array(seriesPoint).optional(),
        events: z.array(z.object({ at: reportTime, text: text }).strict()).optional(),
        note: markdown.optional(),
      })
      .strict()
      .optional(),
    timeline: z.array(z.union([timelineEvent, phaseMarker])).optional(),
    contacts: z.array(z.union([contact, phaseMarker])).optional(),
    causes: z.array(cause).optional(),
    countermeasures: z.array(countermeasure).optional(),
    notices: z.array(notice).optional(),
    inquiryThemes: z.array(z.object({ period: z.string().optional(), text: text }).strict()).optional(),
    inquiriesAsOf: z.string().optional(),
    otherResponses: z.array(z.object({ label: text, text: text }).strict()).optional(),
  })
  .strict();

export type ReportData = z.infer<typeof reportSchema>;
