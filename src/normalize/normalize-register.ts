import type { Codes } from '../load/read-codes.js';
import type { IncidentData } from '../schema/incident.js';
import { fiscalYearOf, formatFiscalYear } from './era.js';
import type { MeetingView } from './normalize-meeting.js';
import {
  readAffectedUsers,
  readClass,
  readInquiries,
  readOccurrence,
  readOperators,
  readServices,
  type RegisterClass,
  type RegisterCount,
  type RegisterOccurrence,
  type RegisterService,
} from './register-fields.js';

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
  classification: RegisterClass;
  services: RegisterService[];
  /** The meetings that examined it, in order. */
  meetings: { id: string; title: string; label: string; date: string; href: string }[];
  report: { id: string; href: string } | null;
}

export interface RegisterView {
  title: string;
  entries: RegisterEntry[];
  /** Incidents per fiscal year of occurrence and 区分 numeral. */
  counts: { fiscalYearLabel: string; fiscalYear: number; byClass: { numeral: string; count: number }[]; total: number }[];
  classNumerals: string[];
}

/** What the register reads besides the meeting views: the incident records and the code tables. */
export interface RegisterSources {
  incidentData: (id: string) => IncidentData | undefined;
  codes: Codes;
}

/** Pure: every incident of every meeting, once, in the order of the first meeting that examined it; yearly counts per 区分. */
export function normalizeRegister(meetings: readonly MeetingView[], sources: RegisterSources): RegisterView {
  const sorted = [...meetings].sort((a, b) => a.fiscalYear - b.fiscalYear || a.number - b.number);
  const entries = new Map<string, RegisterEntry>();
  for (const meeting of sorted) {
    const shown = { id: meeting.id, title: meeting.title, label: `${meeting.fiscalYearLabel}第${meeting.number}回（${meeting.dateLabel}）`, date: meeting.isoDate, href: `${meeting.id}.html` };
    for (const item of meeting.agenda) {
      for (const { incident } of item.incidents) {
        const known = entries.get(incident.id);
        if (known) {
          if (!known.meetings.some((m) => m.id === meeting.id)) known.meetings.push(shown);
          continue;
        }
        const data = sources.incidentData(incident.id);
        if (!data) throw new Error(`the register lists incident ${incident.id}, which has no record`);
        // A masked date names no year: such an incident is counted in the year of the meeting that examined it.
        const fiscalYear = incident.datesMasked ? meeting.fiscalYear : fiscalYearOf(incident.firstOccurrence);
        const classDate = incident.datesMasked ? meeting.isoDate : incident.occurrences[0].isoDate;
        entries.set(incident.id, {
          id: incident.id,
          title: incident.title,
          fiscalYear,
          fiscalYearLabel: formatFiscalYear(fiscalYear),
          operators: readOperators(data),
          occurrences: data.occurrences.map((o, i) => ({
            ...readOccurrence(o),
            occurredAtText: `${incident.occurrences[i].marker}${incident.occurrences[i].occurredAt}`,
            durationText: `${incident.occurrences[i].marker}${incident.occurrences[i].duration}`,
          })),
          affectedUsers: readAffectedUsers(data),
          inquiries: readInquiries(data),
          region: data.region,
          classification: readClass(data, sources.codes, classDate),
          services: readServices(data),
          meetings: [shown],
          report: incident.reportHref ? { id: `report-${incident.id}`, href: incident.reportHref } : null,
        });
      }
    }
  }
  const list = [...entries.values()];
  const numeralOf = (entry: RegisterEntry) => entry.classification.numeral ?? '－';
  const classNumerals = [...new Set(list.map(numeralOf))].sort((a, b) => order(a) - order(b));
  const years = [...new Set(list.map((e) => e.fiscalYear))].sort((a, b) => a - b);
  const counts = years.map((fiscalYear) => {
    const inYear = list.filter((e) => e.fiscalYear === fiscalYear);
    return {
      fiscalYear,
      fiscalYearLabel: formatFiscalYear(fiscalYear),
      byClass: classNumerals.map((numeral) => ({ numeral, count: inYear.filter((e) => numeralOf(e) === numeral).length })),
      total: inYear.length,
    };
  });
  return { title: '電気通信事故検証会議 検証した事故の一覧', entries: list, counts, classNumerals };
}

function order(numeral: string): number {
  return '一二三四五六七八九十'.indexOf(numeral) + 1 || 99;
}
