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
import { deriveSummarySections } from './derive-summary.js';

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
  /** Name of the incident's detailed report page, when the record has one. */
  reportHref?: string;
  /** The first occurrence's date is masked (the fictional example): no fiscal year can be derived from it. */
  datesMasked: boolean;
}

/** Minutes between occurrence and recovery, or the stated duration. */
export function occurrenceMinutes(occurrence: OccurrenceData): number | undefined {
  if (occurrence.duration) return parseIsoDuration(occurrence.duration);
  if (!occurrence.recoveredAt) return undefined;
  const start = parseDateTime(occurrence.occurredAt);
  const end = parseDateTime(occurrence.recoveredAt);
  return start && end ? toEpochMinutes(end) - toEpochMinutes(start) : undefined;
}

/** 「令和7年4月26日」, or 「平成○年○月○日」 for a masked date (the era given by report.datesMasked). */
export function formatIncidentDate(value: DateTime, maskedEra = ''): string {
  return value.relativeDay !== undefined ? `${maskedEra}○年○月○日` : formatWarekiDate(value);
}

/** 「令和7年4月26日 7時41分」, with 「頃」 when approximate. */
export function formatOccurrence(value: DateTime, approximate = false, maskedEra = ''): string {
  return `${formatIncidentDate(value, maskedEra)} ${formatClockJa(value)}${approximate ? '頃' : ''}`;
}

/** 障害内容 of a record that states only the impact of each phase: 「①電子メールの送受信ができない」… */
function describeImpacts(data: IncidentData): string {
  const impacts = data.occurrences.map((o) => o.impact).filter((i): i is string => Boolean(i));
  if (impacts.length <= 1) return impacts[0] ?? '－';
  return impacts.map((impact, i) => `${subNumber('circled', i)}${impact}`).join('\\\n');
}

function normalizeOccurrence(occurrence: OccurrenceData, index: number, total: number, maskedEra?: string): OccurrenceView {
  const start = parseDateTime(occurrence.occurredAt);
  if (!start) throw new Error(`normalize received an unvalidated occurredAt: ${occurrence.occurredAt}`);
  const minutes = occurrenceMinutes(occurrence);
  if (minutes === undefined) throw new Error('normalize received an occurrence without duration or recovery');
  const marker = total > 1 ? `${subNumber('circled', index)} ` : '';
  return {
    marker,
    occurredAt: formatOccurrence(start, occurrence.approximate, maskedEra),
    duration: `${occurrence.durationApproximate ? '約' : ''}${formatDurationJa(minutes)}`,
    isoDate: toIsoDate(start),
    minutes,
  };
}

/** Pure: validated incident data + its body sections → the view model the templates read. */
export function normalizeIncident(id: string, data: IncidentData, body: IncidentBody): IncidentView {
  const maskedEra = data.report?.datesMasked;
  const occurrences = data.occurrences.map((o, i) => normalizeOccurrence(o, i, data.occurrences.length, maskedEra));
  const perOperator = (data.operators ?? []).filter((o) => o.affectedUsers !== undefined);
  const reported = data.report?.affectedUsers;
  const users = data.affectedUsers ?? (reported && { qualifier: '最大', value: reported.maximum, unit: reported.unit, ...(reported.basis && { remark: `（${reported.basis}）` }) });
  const affectedUsers: CountGroupView[] = perOperator.length
    ? perOperator.map((o) => ({ heading: o.name, lines: formatCounts(o.affectedUsers) }))
    : [{ lines: formatCounts(users) }];
  const firstOccurrence = parseDateTime(data.occurrences[0].occurredAt)!;
  const operators = (data.operators ?? []).map((o) => o.name);
  const derived = deriveSummarySections(data);
  return {
    id,
    title: data.title ?? data.report?.title ?? `${operators.join('・')}の事故（${formatIncidentDate(firstOccurrence, maskedEra)}発生）`,
    operators,
    operatorNames: operators.join('、') || '－',
    occurrences,
    firstOccurrence,
    affectedUsers,
    ...(data.affectedUsersNote !== undefined && { affectedUsersNote: data.affectedUsersNote }),
    region: data.region,
    inquiries: [{ lines: formatCounts(data.inquiries) }],
    ...(data.inquiriesNote !== undefined && { inquiriesNote: data.inquiriesNote }),
    description: data.description ?? describeImpacts(data),
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
    ...((body.sections.cause || derived.cause) && { cause: body.sections.cause?.markdown ?? derived.cause }),
    ...(body.sections.configuration && { configuration: body.sections.configuration.markdown }),
    ...((body.sections.prevention || derived.prevention) && { prevention: body.sections.prevention?.markdown ?? derived.prevention }),
    publicity: {
      ownSite: body.publicity.ownSite?.markdown || '－',
      other: body.publicity.other?.markdown || '－',
    },
    revisions: data.revisions ?? [],
    ...(data.report && { reportHref: `report-${id}.html` }),
    datesMasked: firstOccurrence.relativeDay !== undefined,
  };
}
