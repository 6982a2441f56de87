import { z } from 'zod';
import { clockTime, isoDate, markdown, revision, text } from './common.js';

const member = z.object({ name: text, role: z.string().optional() }).strict();

const attendeeGroup = z
  .object({
    group: text,
    roleSeparator: z.string().optional(),
    members: z.array(member).min(1).optional(),
    lines: z.array(z.array(member).min(1)).min(1).optional(),
  })
  .strict()
  .refine((g) => (g.members === undefined) !== (g.lines === undefined), {
    params: { id: 'invalid-value', detail: 'members か lines のどちらか一方を書いてください。', detailEn: 'give either members or lines' },
  });

const incidentRef = z
  .object({
    ref: text,
    heading: z.string().optional(),
  })
  .strict();

export const subNumberingStyles = ['katakana', 'circled', 'iroha'] as const;

const agendaItem = z
  .object({
    text: text,
    presenters: z.array(text).optional(),
    subNumbering: z.enum(subNumberingStyles).optional(),
    incidents: z.array(z.union([text, incidentRef])).optional(),
  })
  .strict();

export const meetingSchema = z
  .object({
    type: z.literal('meeting'),
    committee: text.optional(),
    fiscalYear: z.number().int().min(1989).max(2200),
    number: z.number().int().min(1).max(99),
    date: isoDate,
    weekday: z.string().optional(),
    start: clockTime,
    end: clockTime,
    place: text,
    attendees: z.array(attendeeGroup).optional(),
    agenda: z.array(agendaItem).min(1),
    closingRemark: markdown.optional(),
    revisions: z.array(revision).optional(),
  })
  .strict();

export type MeetingData = z.infer<typeof meetingSchema>;
export type AgendaItemData = z.infer<typeof agendaItem>;
export type AttendeeGroupData = z.infer<typeof attendeeGroup>;
