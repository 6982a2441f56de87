import type { Codes } from '../load/read-codes.js';
import { classTableAt } from '../load/read-codes.js';
import type { CountData, CountsData, IncidentData, OccurrenceData } from '../schema/incident.js';
import { countToNumber, formatCount } from './counts.js';
import { parseDateTime, toIsoDate, type DateTime } from './datetime.js';
import { occurrenceMinutes } from './normalize-incident.js';

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
  /** ISO 8601 with the JST offset; null for a masked (unpublished) date. */
  occurredAt: string | null;
  approximate: boolean;
  recoveredAt: string | null;
  /** ISO 8601 duration in hours and minutes, as the minutes print it (PT23H44M). */
  duration: string;
  durationMinutes: number;
  durationApproximate: boolean;
}

/** "2025-04-26T07:41:00+09:00", or null for a masked date. */
export function isoDateTime(value: DateTime | undefined): string | null {
  if (!value || value.relativeDay !== undefined) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${toIsoDate(value)}T${pad(value.hour)}:${pad(value.minute)}:00+09:00`;
}

/** 1424 → "PT23H44M"; hours are not rolled into days, as in the minutes (23時間44分, 10日間… only in reports). */
export function isoDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (minutes === 0) return 'PT0M';
  return `PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

export function readOccurrence(occurrence: OccurrenceData): RegisterOccurrence {
  const minutes = occurrenceMinutes(occurrence);
  if (minutes === undefined) throw new Error('the register received an occurrence without duration or recovery');
  return {
    occurredAt: isoDateTime(parseDateTime(occurrence.occurredAt)),
    approximate: occurrence.approximate ?? false,
    recoveredAt: occurrence.recoveredAt ? isoDateTime(parseDateTime(occurrence.recoveredAt)) : null,
    duration: isoDuration(minutes),
    durationMinutes: minutes,
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
  if (typeof cell === 'string') return [{ operator, label: null, qualifier: null, value: null, unit: null, suffix: null, remark: null, text: cell }];
  return (Array.isArray(cell) ? cell : [cell]).map((count) => readCount(count, operator));
}

/** 影響利用者数: per operator where the record gives them so, else the incident's (or its report's maximum). */
export function readAffectedUsers(data: IncidentData): RegisterCount[] {
  const perOperator = (data.operators ?? []).filter((o) => o.affectedUsers !== undefined);
  if (perOperator.length) return perOperator.flatMap((o) => readCountCell(o.affectedUsers, o.name));
  const reported = data.report?.affectedUsers;
  const users = data.affectedUsers ?? (reported && { qualifier: '最大', value: reported.maximum, unit: reported.unit, ...(reported.basis && { remark: `（${reported.basis}）` }) });
  return readCountCell(users, null);
}

export function readInquiries(data: IncidentData): RegisterCount[] {
  return readCountCell(data.inquiries, null);
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

/** 区分, with the version of the 第58条 table in force on the given date (the incident's, or its meeting's). */
export function readClass(data: IncidentData, codes: Codes, isoDate: string): RegisterClass {
  const text = data.classification.class;
  return {
    numeral: /^\s*([一二三四五六七八九十]+)/.exec(text)?.[1] ?? null,
    text,
    tableEffectiveFrom: classTableAt(codes, isoDate)?.effectiveFrom ?? null,
  };
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
