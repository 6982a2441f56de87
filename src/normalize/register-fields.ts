import type { CountData, CountsData, IncidentData, OccurrenceData } from '../schema/incident.js';
import { readUncertain } from '../model/uncertain.js';
import { formatCount, formatCounts } from './counts.js';
import { countToNumber, knownCounts } from '../schema/count-values.js';
import { isExact, toIsoDate, type DateTime } from '../model/date-time.js';
import type { ListedIncident } from './meeting-listing.js';
import { occurrenceMinutes, occurrenceRecovery, occurrenceStart } from '../schema/occurrence-facts.js';

/*
 * How the register reads an incident record: one small function per field, so that a change of the incident
 * schema (counts as parsed numbers, 不明 / 非公表, several classes) is adapted here and nowhere else.
 */

/** A count, with its number, qualifier and unit apart, and the text as printed. */
export interface RegisterCount {
  operator: string | null;
  label: string | null;
  qualifier: string | null;
  /** The number the text states (「5.9万」 → 59000); null when it states none (「非公表」). */
  value: number | null;
  unit: string | null;
  suffix: string | null;
  remark: string | null;
  text: string;
}

export interface RegisterOccurrence {
  /** The operator it belongs to, when the operators have their own occurrences. */
  operator: string | null;
  /** ISO 8601 with the JST offset, to the precision the sources give; null when masked or not given (不明 …). */
  occurredAt: string | null;
  approximate: boolean;
  recoveredAt: string | null;
  /** ISO 8601 duration in hours and minutes, as the minutes print it (PT23H44M); null when not given. */
  duration: string | null;
  durationMinutes: number | null;
  durationApproximate: boolean;
}

/**
 * "2025-04-26T07:41:00+09:00", "2025-04-26T17+09:00" for an hour, "2025-04-26" for a date or a part of the day
 * (ISO 8601's reduced precision), or null for a masked date.
 */
export function isoDateTime(value: DateTime | undefined): string | null {
  if (!value || value.relativeDay !== undefined) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (isExact(value)) return `${toIsoDate(value)}T${pad(value.hour)}:${pad(value.minute)}:00+09:00`;
  return value.precision === 'hour' ? `${toIsoDate(value)}T${pad(value.hour)}+09:00` : toIsoDate(value);
}

/** 1424 → "PT23H44M"; hours are not rolled into days, as in the minutes (23時間44分, 10日間… only in reports). */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (minutes === 0) return 'PT0M';
  return `PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

export function readOccurrence(occurrence: OccurrenceData, operator?: string): RegisterOccurrence {
  const minutes = occurrenceMinutes(occurrence);
  return {
    operator: operator ?? null,
    occurredAt: isoDateTime(occurrenceStart(occurrence)),
    approximate: occurrence.approximate ?? false,
    recoveredAt: isoDateTime(occurrenceRecovery(occurrence)),
    duration: minutes === undefined ? null : isoDuration(minutes),
    durationMinutes: minutes ?? null,
    durationApproximate: occurrence.durationApproximate ?? false,
  };
}

function readCount(count: CountData, operator: string | null): RegisterCount {
  return {
    operator,
    label: count.label ?? null,
    qualifier: count.qualifier ?? null,
    value: countToNumber(count) ?? null,
    unit: count.unit ?? null,
    suffix: count.suffix ?? null,
    remark: count.remark ?? null,
    text: formatCount(count),
  };
}

function readCountCell(cell: CountsData | undefined, operator: string | null): RegisterCount[] {
  if (cell === undefined) return [];
  const read = readUncertain<unknown>(cell);
  const plain = (text: string): RegisterCount => ({ operator, label: null, qualifier: null, value: null, unit: null, suffix: null, remark: null, text });
  // A status (不明 / 非公表 / 調査中) or a text cell ("-"): no number, the words as printed.
  if (!read.known || typeof read.value === 'string') return formatCounts(cell).map(plain);
  return knownCounts(cell).map((count) => readCount(count, operator));
}

/** The scope a count belongs to: an operator's name or a severity (停止, 品質低下（つながりにくい）); null when shared. */
function scoped(data: IncidentData, key: 'affectedUsers' | 'inquiries'): RegisterCount[] {
  const operators = (data.operators ?? []).flatMap((o) => readCountCell(o[key], o.name));
  const severities = key === 'affectedUsers' ? (data.bySeverity ?? []).flatMap((s) => readCountCell(s.affectedUsers, s.label ? `${s.severity}（${s.label}）` : s.severity)) : [];
  return [...operators, ...severities];
}

/** 影響利用者数: the incident's, each operator's and each severity's (or the report's maximum when none is given). */
export function readAffectedUsers(data: IncidentData): RegisterCount[] {
  const own = scoped(data, 'affectedUsers');
  const reported = data.report?.affectedUsers;
  const derived = reported && { qualifier: '最大', value: reported.maximum, unit: reported.unit, ...(reported.basis && { remark: `（${reported.basis}）` }) };
  const shared = data.affectedUsers ?? (own.length ? undefined : derived);
  return [...readCountCell(shared, null), ...own];
}

export function readInquiries(data: IncidentData): RegisterCount[] {
  return [...readCountCell(data.inquiries, null), ...scoped(data, 'inquiries')];
}

/** The printed lines of a count cell (the register's display text). */
export function countLines(counts: RegisterCount[]): string[] {
  return counts.map((c) => (c.operator ? `${c.operator}：${c.text}` : c.text));
}

export interface RegisterClass {
  /** 一…五, or null when the text names none. */
  numeral: string | null;
  text: string;
  /** The law table the class belongs to: its effectiveFrom in data/codes/serious-accident-classes.yaml. */
  tableEffectiveFrom: string | null;
}

/**
 * Each 区分 with the version of the 第58条 table in force at the occurrence date (from the incident's view, which
 * read it from data/codes); a status (調査中 …) has no numeral and no table.
 */
export function readClasses(incident: ListedIncident): RegisterClass[] {
  return incident.classification.keys.map((key, i) => ({
    numeral: /^[一二三四五六七八九十]+$/.test(key.numeral) ? key.numeral : null,
    text: incident.classification.classes[i] ?? key.numeral,
    tableEffectiveFrom: key.table ?? null,
  }));
}

export interface RegisterService {
  number: number | null;
  name: string;
  note: string | null;
  text: string;
}

export function readServices(data: IncidentData): RegisterService[] {
  return (data.classification.services ?? []).map((s) => ({
    number: s.number ?? null,
    name: s.name,
    note: s.note ?? null,
    text: s.number !== undefined ? `${s.number} ${s.name}` : s.name,
  }));
}

export function readOperators(data: IncidentData): string[] {
  return (data.operators ?? []).map((o) => o.name);
}

/** An occurrence known only from a kept view (its record is broken now): the date, the minutes, nothing guessed. */
export function occurrenceFromView(o: ListedIncident['occurrences'][number]): RegisterOccurrence {
  return {
    operator: o.operator ?? null,
    occurredAt: o.isoDate ?? null,
    approximate: false,
    recoveredAt: null,
    duration: o.minutes === undefined ? null : isoDuration(o.minutes),
    durationMinutes: o.minutes ?? null,
    durationApproximate: false,
  };
}

/** Counts known only from a kept view: their printed lines, without numbers. */
export function countsFromView(groups: ListedIncident['affectedUsers']): RegisterCount[] {
  return groups.flatMap((g) =>
    g.lines.map((text) => ({ operator: g.heading ?? null, label: null, qualifier: null, value: null, unit: null, suffix: null, remark: null, text })),
  );
}
