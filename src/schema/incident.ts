import { z } from 'zod';
import { dateTime, duration, markdown, revision, text } from './common.js';

/** One printed count: 「有料プラン契約数：最大約5.9万社」. */
const count = z
  .object({
    label: z.string().optional(),
    qualifier: z.string().optional(),
    value: z.union([z.number().nonnegative(), text]),
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
    operators: z.array(operator).min(1),
    occurrences: z.array(occurrence).min(1),
    affectedUsers: counts.optional(),
    affectedUsersNote: markdown.optional(),
    region: text,
    inquiries: counts,
    inquiriesNote: markdown.optional(),
    description: markdown,
    classification: classification,
    revisions: z.array(revision).optional(),
  })
  .strict();

export type IncidentData = z.infer<typeof incidentSchema>;
export type CountData = z.infer<typeof count>;
export type CountsData = z.infer<typeof counts>;
export type OccurrenceData = z.infer<typeof occurrence>;
