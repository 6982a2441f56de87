import type { IncidentBody } from '../validate/check-body.js';
import { incidentSchema, type CountsData, type IncidentData, type OccurrenceData } from '../schema/incident.js';
import { formatFields } from './format-fields.js';
import { reportIdOf } from '../model/output-ids.js';
import { publicitySubsections } from '../schema/labels.js';
import { formatUncertain, readUncertain, uncertainNote, type UncertainInput } from '../model/uncertain.js';
import { formatCounts } from './counts.js';
import { formatDurationJa, toIsoDate, type DateTime } from '../model/date-time.js';
import type { DateTimeValue } from '../schema/common.js';
import { revisionView, type RevisionView } from './revision-line.js';
import { formatIncidentDate, formatOccurrence } from '../model/era.js';
import { subNumber } from './numbering.js';
import { deriveSummarySections } from './derive-summary.js';
import { firstOccurrenceStart, listOccurrences, occurrenceMinutes, occurrenceRecovery, occurrenceStart } from '../schema/occurrence-facts.js';
import { classKeys, classLines, type ClassKey, type ClassTextLookup } from './class-text.js';

export { occurrenceMinutes } from '../schema/occurrence-facts.js';

/** The lines of a table cell, optionally under a heading (an operator's name, a severity). */
export interface CellGroup {
  heading?: string;
  lines: string[];
}

export interface OccurrenceView {
  marker: string;
  /** The operator the occurrence belongs to, when the operators have their own. */
  operator?: string;
  occurredAt: string;
  duration: string;
  /** ISO date of the start, when it is known. */
  isoDate?: string;
  /** Minutes from occurrence to recovery, when the sources give them. */
  minutes?: number;
}

export interface IncidentView {
  id: string;
  /** Every described scalar field as printed, '' when absent (see format-fields.ts). */
  fields: Record<string, string>;
  title: string;
  summaryCaption: string;
  operators: string[];
  operatorNames: string;
  occurrences: OccurrenceView[];
  occurrenceGroups: CellGroup[];
  durationGroups: CellGroup[];
  /** The earliest known start; undefined when no start is known. */
  firstOccurrence?: DateTime;
  affectedUsers: CountGroupView[];
  affectedUsersNote?: string;
  region: string;
  regionGroups: CellGroup[];
  inquiries: CountGroupView[];
  inquiriesNote?: string;
  description: string;
  classification: {
    classHeading?: string;
    /** Every class, joined (the register's cell). */
    class: string;
    classes: string[];
    /** The classes as the register counts them: numeral within its table version. */
    keys: ClassKey[];
    servicesHeading?: string;
    services: { text: string; note?: string }[];
    note?: string;
  };
  cause?: string;
  configuration?: string;
  prevention?: string;
  /** The 情報周知 rows the record has, in order: 自社サイト, その他. */
  publicity: { label: string; text: string }[];
  revisions: RevisionView[];
  /** Name of the incident's detailed report page, when the record has one. */
  reportHref?: string;
  /** The first occurrence's date is masked (the fictional example) or unknown: no fiscal year can be derived from it. */
  datesMasked: boolean;
}

export type CountGroupView = CellGroup;

function formatDateTimeValue(input: UncertainInput<DateTimeValue>, approximate: boolean | undefined, maskedEra?: string): string {
  return formatUncertain(input, ({ value }) => formatOccurrence(value, approximate, maskedEra));
}

/** 障害内容 of a record that states only the impact of each phase: 「①電子メールの送受信ができない」… */
function describeImpacts(data: IncidentData): string {
  const impacts = listOccurrences(data)
    .map((o) => o.occurrence.impact)
    .filter((i): i is string => Boolean(i));
  if (impacts.length <= 1) return impacts[0] ?? '－';
  return impacts.map((impact, i) => `${subNumber('circled', i)}${impact}`).join('\\\n');
}

/** The 継続時間 as printed: the duration, a status word, or the recovery when only that is known. */
function formatOccurrenceDuration(occurrence: OccurrenceData, maskedEra?: string): string {
  const minutes = occurrenceMinutes(occurrence);
  if (minutes !== undefined) {
    const provisional = occurrence.duration !== undefined ? readUncertain(occurrence.duration) : undefined;
    const status = provisional?.known && provisional.status ? `（${provisional.status}）` : '';
    return `${occurrence.durationApproximate ? '約' : ''}${formatDurationJa(minutes)}${occurrence.durationAtLeast ? '以上' : ''}${status}`;
  }
  const stated = occurrence.duration !== undefined ? readUncertain(occurrence.duration) : undefined;
  const word = stated && !stated.known ? stated.status : '不明';
  const recovery = occurrenceRecovery(occurrence);
  if (recovery) return `${word}（${formatOccurrence(recovery, occurrence.recoveryApproximate, maskedEra)}復旧）`;
  if (occurrence.recoveredAt !== undefined && stated === undefined) return formatUncertain(occurrence.recoveredAt, () => word);
  return word;
}

function normalizeOccurrences(data: IncidentData, maskedEra?: string): OccurrenceView[] {
  const listed = listOccurrences(data);
  const perOwner = (owner: string | undefined) => listed.filter((o) => o.operator === owner).length;
  const indexOf = new Map<string | undefined, number>();
  return listed.map(({ operator, occurrence }) => {
    const index = indexOf.get(operator) ?? 0;
    indexOf.set(operator, index + 1);
    const start = occurrenceStart(occurrence);
    const minutes = occurrenceMinutes(occurrence);
    const number = perOwner(operator) > 1 ? subNumber('circled', index) : '';
    const marker = `${number}${number || occurrence.label ? ' ' : ''}${occurrence.label ? `${occurrence.label}：` : ''}`;
    return {
      marker,
      ...(operator !== undefined && { operator }),
      occurredAt: formatDateTimeValue(occurrence.occurredAt, occurrence.approximate, maskedEra),
      duration: formatOccurrenceDuration(occurrence, maskedEra),
      ...(start && start.relativeDay === undefined && { isoDate: toIsoDate(start) }),
      ...(minutes !== undefined && { minutes }),
    };
  });
}

/** Lines grouped by owner: the shared lines first (no heading), then each operator's under its name. */
function groupByOperator(occurrences: OccurrenceView[], line: (o: OccurrenceView) => string): CellGroup[] {
  const owners = [...new Set(occurrences.map((o) => o.operator))];
  return owners.map((owner) => ({
    ...(owner !== undefined && { heading: owner }),
    lines: occurrences.filter((o) => o.operator === owner).map(line),
  }));
}

/** A value with its reason note (「非公表」 and 「※…」) as cell lines. */
function uncertainLines(input: UncertainInput<string>): string[] {
  const note = uncertainNote(input);
  return [formatUncertain(input, (v) => v), ...(note ? [note] : [])];
}

function countLines(counts: CountsData | undefined): string[] {
  const note = counts === undefined ? undefined : uncertainNote<unknown>(counts);
  return [...formatCounts(counts), ...(note ? [note] : [])];
}

/** Cell groups from the record's shared value, each operator's own and each severity's own. */
function scopedGroups<T>(
  shared: T | undefined,
  scopes: { heading: string; value: T | undefined }[],
  lines: (value: T) => string[],
): CellGroup[] {
  const own = scopes.filter((s) => s.value !== undefined).map((s) => ({ heading: s.heading, lines: lines(s.value as T) }));
  return [...(shared !== undefined ? [{ lines: lines(shared) }] : []), ...own];
}

function severityHeading(s: { severity: string; label?: string }): string {
  return s.label ? `${s.severity}（${s.label}）` : s.severity;
}

function affectedUserGroups(data: IncidentData): CellGroup[] {
  const reported = data.report?.affectedUsers;
  const derived: CountsData | undefined =
    reported && { qualifier: '最大', value: reported.maximum, unit: reported.unit, ...(reported.basis && { remark: `（${reported.basis}）` }) };
  const operators = (data.operators ?? []).map((o) => ({ heading: o.name, value: o.affectedUsers }));
  const severities = (data.bySeverity ?? []).map((s) => ({ heading: severityHeading(s), value: s.affectedUsers }));
  const perScope = [...operators, ...severities].some((s) => s.value !== undefined);
  const shared = data.affectedUsers ?? (perScope ? undefined : derived);
  const groups = scopedGroups(shared, [...operators, ...severities], countLines);
  return groups.length ? groups : [{ lines: [] }];
}

/** Pure: validated incident data + its body sections → the view model the templates read. */
export function normalizeIncident(id: string, data: IncidentData, body: IncidentBody, classText?: ClassTextLookup): IncidentView {
  const maskedEra = data.report?.datesMasked;
  const occurrences = normalizeOccurrences(data, maskedEra);
  const firstOccurrence = firstOccurrenceStart(data);
  const operators = (data.operators ?? []).map((o) => o.name);
  const derived = deriveSummarySections(data);
  const firstDate = firstOccurrence ? formatIncidentDate(firstOccurrence, maskedEra) : '発生日不明';
  const startTexts = [...new Set(occurrences.map((o) => o.occurredAt))];
  const regionGroups = scopedGroups(
    data.region,
    [
      ...(data.operators ?? []).map((o) => ({ heading: o.name, value: o.region })),
      ...(data.bySeverity ?? []).map((s) => ({ heading: severityHeading(s), value: s.region })),
    ],
    uncertainLines,
  );
  const inquiries = scopedGroups(data.inquiries, (data.operators ?? []).map((o) => ({ heading: o.name, value: o.inquiries })), countLines);
  const classes = classLines(data.classification.class, firstOccurrence, classText);
  return {
    id,
    fields: formatFields(incidentSchema, data),
    title: data.title ?? data.report?.title ?? `${operators.join('・')}の事故（${firstDate}発生）`,
    summaryCaption: `${operators.join('、') || '－'}（${startTexts.join('、')}発生）`,
    operators,
    operatorNames: operators.join('、') || '－',
    occurrences,
    occurrenceGroups: groupByOperator(occurrences, (o) => `${o.marker}${o.occurredAt}`),
    durationGroups: groupByOperator(occurrences, (o) => `${o.marker}${o.duration}`),
    ...(firstOccurrence && { firstOccurrence }),
    affectedUsers: affectedUserGroups(data),
    ...(data.affectedUsersNote !== undefined && { affectedUsersNote: data.affectedUsersNote }),
    region: regionGroups.map((g) => (g.heading ? `${g.heading}：${g.lines.join('、')}` : g.lines.join('、'))).join('／'),
    regionGroups,
    inquiries: inquiries.length ? inquiries : [{ lines: [] }],
    ...(data.inquiriesNote !== undefined && { inquiriesNote: data.inquiriesNote }),
    description: data.description ?? describeImpacts(data),
    classification: {
      ...(data.classification.classHeading && { classHeading: data.classification.classHeading }),
      class: classes.join('、'),
      classes,
      keys: classKeys(data.classification.class, firstOccurrence, classText),
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
    publicity: (Object.keys(publicitySubsections) as (keyof typeof publicitySubsections)[])
      .filter((key) => body.publicity[key] !== undefined)
      .map((key) => ({ label: publicitySubsections[key], text: body.publicity[key]!.markdown || '－' })),
    revisions: (data.revisions ?? []).map(revisionView),
    ...(data.report && { reportHref: `${reportIdOf(id)}.html` }),
    datesMasked: !firstOccurrence || firstOccurrence.relativeDay !== undefined,
  };
}
