import type { IncidentBody } from '../validate/check-body.js';
import type { IncidentData, OccurrenceData } from '../schema/incident.js';
import { formatCounts } from './counts.js';
import {
  formatClockJa,
  formatDurationJa,
  parseDateTime,
  parseIsoDuration,
  toEpochMinutes,
  toIsoDate,
  type DateTime,
} from './datetime.js';
import { formatWarekiDate } from './era.js';
import { subNumber } from './numbering.js';

export interface CountGroupView {
  heading?: string;
  lines: string[];
}

export interface OccurrenceView {
  marker: string;
  occurredAt: string;
  duration: string;
  isoDate: string;
  minutes: number;
}

export interface IncidentView {
  id: string;
  title: string;
  operators: string[];
  operatorNames: string;
  occurrences: OccurrenceView[];
  firstOccurrence: DateTime;
  affectedUsers: CountGroupView[];
  affectedUsersNote?: string;
  region: string;
  inquiries: CountGroupView[];
  inquiriesNote?: string;
  description: string;
  classification: {
    classHeading?: string;
    class: string;
    servicesHeading?: string;
    services: { text: string; note?: string }[];
    note?: string;
  };
  cause?: string;
  configuration?: string;
  prevention?: string;
  publicity: { ownSite: string; other: string };
  revisions: { date: string; note: string }[];
}

/** Minutes between occurrence and recovery, or the stated duration. */
export function occurrenceMinutes(occurrence: OccurrenceData): number | undefined {
  if (occurrence.duration) return parseIsoDuration(occurrence.duration);
  if (!occurrence.recoveredAt) return undefined;
  const start = parseDateTime(occurrence.occurredAt);
  const end = parseDateTime(occurrence.recoveredAt);
  return start && end ? toEpochMinutes(end) - toEpochMinutes(start) : undefined;
}

/** 「令和7年4月26日 7時41分」, with 「頃」 when approximate. */
export function formatOccurrence(value: DateTime, approximate = false): string {
  return `${formatWarekiDate(value)} ${formatClockJa(value)}${approximate ? '頃' : ''}`;
}

function normalizeOccurrence(occurrence: OccurrenceData, index: number, total: number): OccurrenceView {
  const start = parseDateTime(occurrence.occurredAt);
  if (!start) throw new Error(`normalize received an unvalidated occurredAt: ${occurrence.occurredAt}`);
  const minutes = occurrenceMinutes(occurrence);
  if (minutes === undefined) throw new Error('normalize received an occurrence without duration or recovery');
  const marker = total > 1 ? `${subNumber('circled', index)} ` : '';
  return {
    marker,
    occurredAt: formatOccurrence(start, occurrence.approximate),
    duration: `${occurrence.durationApproximate ? '約' : ''}${formatDurationJa(minutes)}`,
    isoDate: toIsoDate(start),
    minutes,
  };
}

/** Pure: validated incident data + its body sections → the view model the templates read. */
export function normalizeIncident(id: string, data: IncidentData, body: IncidentBody): IncidentView {
  const occurrences = data.occurrences.map((o, i) => normalizeOccurrence(o, i, data.occurrences.length));
  const perOperator = data.operators.filter((o) => o.affectedUsers !== undefined);
  const affectedUsers: CountGroupView[] = perOperator.length
    ? perOperator.map((o) => ({ heading: o.name, lines: formatCounts(o.affectedUsers) }))
    : [{ lines: formatCounts(data.affectedUsers) }];
  const firstOccurrence = parseDateTime(data.occurrences[0].occurredAt)!;
  const operators = data.operators.map((o) => o.name);
  return {
    id,
    title: data.title ?? `${operators.join('・')}の事故（${formatWarekiDate(firstOccurrence)}発生）`,
    operators,
    operatorNames: operators.join('、'),
    occurrences,
    firstOccurrence,
    affectedUsers,
    ...(data.affectedUsersNote !== undefined && { affectedUsersNote: data.affectedUsersNote }),
    region: data.region,
    inquiries: [{ lines: formatCounts(data.inquiries) }],
    ...(data.inquiriesNote !== undefined && { inquiriesNote: data.inquiriesNote }),
    description: data.description,
    classification: {
      ...(data.classification.classHeading && { classHeading: data.classification.classHeading }),
      class: data.classification.class,
      ...(data.classification.servicesHeading && { servicesHeading: data.classification.servicesHeading }),
      services: (data.classification.services ?? []).map((s) => ({
        text: s.number !== undefined ? `${s.number} ${s.name}` : s.name,
        ...(s.note && { note: s.note }),
      })),
      ...(data.classification.note && { note: data.classification.note }),
    },
    ...(body.sections.cause && { cause: body.sections.cause.markdown }),
    ...(body.sections.configuration && { configuration: body.sections.configuration.markdown }),
    ...(body.sections.prevention && { prevention: body.sections.prevention.markdown }),
    publicity: {
      ownSite: body.publicity.ownSite?.markdown || '－',
      other: body.publicity.other?.markdown || '－',
    },
    revisions: data.revisions ?? [],
  };
}
