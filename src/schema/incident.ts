import { z } from 'zod';
import { countNumber, dateTime, duration, markdown, revision, text } from './common.js';
import { reportSchema } from './report.js';

/** One printed count: 「有料プラン契約数：最大約5.9万社」. */
const count = z
  .object({
    label: z.string().optional(),
    qualifier: z.string().optional(),
    value: z.union([countNumber, text]),
    unit: z.string().optional(),
    suffix: z.string().optional(),
    remark: z.string().optional(),
  })
  .strict();

/** A count cell: literal text ("-"), one count, or a list of counts. */
export const counts = z.union([text, count, z.array(count).min(1)]);

const operator = z
  .object({
    name: text,
    affectedUsers: counts.optional(),
  })
  .strict();

const occurrence = z
  .object({
    occurredAt: dateTime,
    approximate: z.boolean().optional(),
    recoveredAt: dateTime.optional(),
    duration: duration.optional(),
    durationApproximate: z.boolean().optional(),
    place: z.string().optional(),
    /** What stopped working in this phase (the report's 具体的な支障内容): 「電子メールの送受信ができない」. */
    impact: z.string().optional(),
  })
  .strict();

const service = z
  .object({
    number: z.number().int().positive().optional(),
    name: text,
    note: z.string().optional(),
  })
  .strict();

const classification = z
  .object({
    classHeading: z.string().optional(),
    class: text,
    servicesHeading: z.string().optional(),
    services: z.array(service).optional(),
    note: markdown.optional(),
  })
  .strict();

export const incidentSchema = z
  .object({
    type: z.literal('incident'),
    title: z.string().optional(),
    /** Optional only for a record without a named operator (the ministry's fictional example); printed 「－」. */
    operators: z.array(operator).min(1).optional(),
    occurrences: z.array(occurrence).min(1),
    /** Derived from report.affectedUsers.maximum when absent. */
    affectedUsers: counts.optional(),
    affectedUsersNote: markdown.optional(),
    region: text,
    inquiries: counts,
    inquiriesNote: markdown.optional(),
    /** 障害内容; derived from the occurrences' impacts when absent. */
    description: markdown.optional(),
    classification: classification,
    revisions: z.array(revision).optional(),
    /** The detailed accident report: published as its own document when present. */
    report: reportSchema.optional(),
  })
  .strict();

export type IncidentData = z.infer<typeof incidentSchema>;
export type CountData = z.infer<typeof count>;
export type CountsData = z.infer<typeof counts>;
export type OccurrenceData = z.infer<typeof occurrence>;
