import type { Codes } from '../load/read-codes.js';
import type { IncidentData } from '../schema/incident.js';
import { listOccurrences } from '../schema/occurrence-facts.js';
import { reportIdOf } from '../model/output-ids.js';
import { compareOrdinal } from '../model/compare-ordinal.js';
import { fiscalYearOf, formatFiscalYear } from '../model/era.js';
import { compareMeetings } from './meeting-order.js';
import type { ListedIncident, MeetingListing } from './meeting-listing.js';
import {
  readAffectedUsers,
  readClasses,
  readInquiries,
  readOccurrence,
  readOperators,
  readServices,
  countsFromView,
  occurrenceFromView,
  type RegisterClass,
  type RegisterCount,
  type RegisterOccurrence,
  type RegisterService,
} from './register-fields.js';
import { sameItems } from '../model/same-items.js';

/** One incident of the register: the display text of the minutes beside machine-readable fields. */
export interface RegisterEntry {
  id: string;
  title: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  operators: string[];
  /** Each occurrence as printed (発生日時, 継続時間) and as data. */
  occurrences: (RegisterOccurrence & { occurredAtText: string; durationText: string })[];
  affectedUsers: RegisterCount[];
  inquiries: RegisterCount[];
  region: string;
  /** The first 区分 (the register's class columns); every one of them in `classes`. */
  classification: RegisterClass;
  classes: RegisterClass[];
  services: RegisterService[];
  /** The meetings that examined it, in order. */
  meetings: { id: string; title: string; label: string; date: string; href: string }[];
  report: { id: string; href: string } | null;
  /** Read from a kept view: the record is broken now, so the register keeps the row it last published. */
  fromView?: boolean;
}

export interface RegisterView {
  title: string;
  entries: RegisterEntry[];
  /**
   * Incidents per fiscal year of occurrence and 区分, counted within the version of the class table each belongs to:
   * 四 of the 2015 table (the residual class then) is not today's 四. A class whose table was not in force in a year
   * has no count there (null, printed 「－」).
   */
  counts: { fiscalYearLabel: string; fiscalYear: number; byClass: { numeral: string; count: number | null }[]; total: number }[];
  /** The class columns: the numeral, with its table's first year when the table is not the newest (四（2015年～の表）). */
  classNumerals: string[];
}

/** What the register reads besides the meeting views: the incident records and the code tables. */
export interface RegisterSources {
  incidentData: (id: string) => IncidentData | undefined;
  codes: Codes;
}

/** A meeting as a register row names it. */
export type RegisterMeeting = RegisterEntry['meetings'][number];

/**
 * What a build session keeps between registers (minutes watch): each incident's entry with what it was made from,
 * and each meeting as the rows name it. The listings of unchanged meetings and the records of unchanged files stay the
 * same objects between saves, so a save makes afresh only the entries of the incidents it touched.
 */
export interface RegisterMemo {
  entries: Map<string, { listed: ListedIncident; data: IncidentData | undefined; fiscalYear: number; meetings: RegisterMeeting[]; entry: RegisterEntry }>;
  shown: WeakMap<MeetingListing, RegisterMeeting>;
  /** The last view, with what it was made from: the same listings, code tables and incident records give it again. */
  last?: { meetings: readonly MeetingListing[]; codes: Codes; ids: string[]; data: (IncidentData | undefined)[]; view: RegisterView };
}

export function createRegisterMemo(): RegisterMemo {
  return { entries: new Map(), shown: new WeakMap() };
}

/**
 * Pure: every incident of every meeting, once, in the order of the first meeting that examined it; yearly counts per
 * 区分. With a memo, an entry whose inputs are the same objects as last time is the same object (and equal in content).
 */
export function normalizeRegister(meetings: readonly MeetingListing[], sources: RegisterSources, memo: RegisterMemo = createRegisterMemo()): RegisterView {
  // The view reads nothing but the listings, the code tables and the records of the incidents the listings show.
  const last = memo.last;
  if (last && last.codes === sources.codes && sameItems(last.meetings, meetings) && last.ids.every((id, i) => sources.incidentData(id) === last.data[i])) return last.view;
  const sorted = [...meetings].sort(compareMeetings);
  const found = new Map<string, { incident: ListedIncident; meeting: MeetingListing; meetings: RegisterMeeting[] }>();
  for (const meeting of sorted) {
    const shown = shownMeeting(meeting, memo);
    for (const item of meeting.agenda) {
      for (const { incident } of item.incidents) {
        const known = found.get(incident.id);
        if (!known) found.set(incident.id, { incident, meeting, meetings: [shown] });
        else if (!known.meetings.some((m) => m.id === meeting.id)) known.meetings.push(shown);
      }
    }
  }
  const entries = new Map<string, RegisterEntry>();
  const records: (IncidentData | undefined)[] = [];
  for (const [id, { incident, meeting, meetings: shown }] of found) {
    const data = sources.incidentData(id);
    records.push(data);
    // A masked date names no year: such an incident is counted in the year of the meeting that examined it.
    const fiscalYear = incident.datesMasked || !incident.firstOccurrence ? meeting.fiscalYear : fiscalYearOf(incident.firstOccurrence);
    const last = memo.entries.get(id);
    const same = last && last.listed === incident && last.data === data && last.fiscalYear === fiscalYear && sameItems(last.meetings, shown);
    const entry = same ? last.entry : registerEntry(incident, data, fiscalYear, shown);
    if (!same) memo.entries.set(id, { listed: incident, data, fiscalYear, meetings: shown, entry });
    entries.set(id, entry);
  }
  for (const id of memo.entries.keys()) if (!entries.has(id)) memo.entries.delete(id);
  const list = [...entries.values()];
  const columns = classColumns(list, sources.codes);
  // Incidents per year, and per year and column (an incident once per column, however many of its classes fall in it).
  const totals = new Map<number, number>();
  const tally = new Map<string, number>();
  for (const entry of list) {
    totals.set(entry.fiscalYear, (totals.get(entry.fiscalYear) ?? 0) + 1);
    for (const key of new Set(entry.classes.map(columnKey))) tally.set(`${entry.fiscalYear} ${key}`, (tally.get(`${entry.fiscalYear} ${key}`) ?? 0) + 1);
  }
  const years = [...totals.keys()].sort((a, b) => a - b);
  const counts = years.map((fiscalYear) => ({
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    byClass: columns.map((column) => ({ numeral: column.label, count: column.inForce(fiscalYear) ? (tally.get(`${fiscalYear} ${column.key}`) ?? 0) : null })),
    total: totals.get(fiscalYear)!,
  }));
  const classNumerals = columns.map((c) => c.label);
  const view = { title: '電気通信事故検証会議 検証した事故の一覧', entries: list, counts, classNumerals };
  memo.last = { meetings: [...meetings], codes: sources.codes, ids: [...found.keys()], data: records, view };
  return view;
}

function shownMeeting(meeting: MeetingListing, memo: RegisterMemo): RegisterMeeting {
  let shown = memo.shown.get(meeting);
  if (!shown) {
    shown = { id: meeting.id, title: meeting.title, label: `${meeting.fiscalYearLabel}${meeting.numberLabel}（${meeting.dateLabel}）`, date: meeting.isoDate, href: `${meeting.id}.html` };
    memo.shown.set(meeting, shown);
  }
  return shown;
}


/**
 * An incident's entry. A meeting kept from its last good state may show an incident whose file is broken now (no
 * data): its row is read from the view the manifest kept, with the display text and no machine fields it cannot know.
 */
function registerEntry(incident: ListedIncident, data: IncidentData | undefined, fiscalYear: number, meetings: RegisterMeeting[]): RegisterEntry {
  const classes = readClasses(incident);
  return {
    id: incident.id,
    title: incident.title,
    fiscalYear,
    fiscalYearLabel: formatFiscalYear(fiscalYear),
    operators: data ? readOperators(data) : incident.operators,
    occurrences: (data ? listOccurrences(data).map((o) => readOccurrence(o.occurrence, o.operator)) : incident.occurrences.map(occurrenceFromView)).map((o, i) => ({
      ...o,
      occurredAtText: `${ownerOf(incident.occurrences[i])}${incident.occurrences[i].marker}${incident.occurrences[i].occurredAt}`,
      durationText: `${ownerOf(incident.occurrences[i])}${incident.occurrences[i].marker}${incident.occurrences[i].duration}`,
    })),
    affectedUsers: data ? readAffectedUsers(data) : countsFromView(incident.affectedUsers),
    inquiries: data ? readInquiries(data) : countsFromView(incident.inquiries),
    region: incident.region,
    classification: classes[0],
    classes,
    services: data ? readServices(data) : incident.classification.services.map((s) => ({ number: null, name: s.text, note: s.note ?? null, text: s.text })),
    meetings,
    report: incident.reportHref ? { id: reportIdOf(incident.id), href: incident.reportHref } : null,
    ...(!data && { fromView: true }),
  };
}

/** 「架空通信株式会社：」 before an occurrence of an operator's own, so a register cell says whose it is. */
function ownerOf(occurrence: { operator?: string }): string {
  return occurrence.operator ? `${occurrence.operator}：` : '';
}

function order(numeral: string): number {
  return '一二三四五六七八九十'.indexOf(numeral) + 1 || 99;
}

/** A class as counted: its numeral within its table version; statuses and classes without a numeral by their text. */
function columnKey(c: RegisterClass): string {
  return `${c.tableEffectiveFrom ?? ''}|${c.numeral ?? (c.text.length <= 4 ? c.text : '－')}`;
}

/**
 * The count columns: one per (table version, numeral) that occurs, oldest table first. A column of an older table is
 * labelled with the year its table came into force; each knows the fiscal years in which its table was in force.
 */
function classColumns(list: readonly RegisterEntry[], codes: Codes) {
  const starts = codes.classes.tables.map((t) => t.effectiveFrom).sort();
  const newest = starts[starts.length - 1];
  const seen = new Map<string, RegisterClass>();
  for (const entry of list) for (const c of entry.classes) if (!seen.has(columnKey(c))) seen.set(columnKey(c), c);
  return [...seen]
    .sort(([, a], [, b]) => compareOrdinal(a.tableEffectiveFrom ?? '9999', b.tableEffectiveFrom ?? '9999') || order(a.numeral ?? '') - order(b.numeral ?? ''))
    .map(([key, c]) => {
      const from = c.tableEffectiveFrom;
      const until = from ? starts.find((s) => s > from) : undefined;
      const name = key.slice(key.indexOf('|') + 1);
      return {
        key,
        label: from && from !== newest ? `${name}（${from.slice(0, 4)}年～の表）` : name,
        // In force during the fiscal year (April to March) when the table started before its end and ended after its start.
        inForce: (fiscalYear: number) => !from || (from <= `${fiscalYear + 1}-03-31` && (!until || until > `${fiscalYear}-04-01`)),
      };
    });
}
