import { fiscalYearOf, formatFiscalYear } from './era.js';
import type { MeetingView } from './normalize-meeting.js';

export interface RegisterRow {
  incidentId: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  operators: string[];
  occurredAt: string[];
  duration: string[];
  affectedUsers: string[];
  region: string;
  classNumeral: string;
  classText: string;
  services: string[];
  meetingTitle: string;
  meetingLabel: string;
  meetingHref: string;
  /** The incident's detailed report page, or '' when it has none. */
  reportHref: string;
}

export interface RegisterView {
  title: string;
  rows: RegisterRow[];
  /** Incidents per fiscal year of occurrence and 区分 numeral. */
  counts: { fiscalYearLabel: string; fiscalYear: number; byClass: { numeral: string; count: number }[]; total: number }[];
  classNumerals: string[];
}

/** Pure: every incident of every meeting, in meeting order, and the yearly counts per 区分. */
export function normalizeRegister(meetings: readonly MeetingView[]): RegisterView {
  const sorted = [...meetings].sort((a, b) => a.fiscalYear - b.fiscalYear || a.number - b.number);
  const rows: RegisterRow[] = sorted.flatMap((meeting) =>
    meeting.agenda.flatMap((item) =>
      item.incidents.map(({ incident }) => {
        // A masked date names no year: such an incident is counted in the year of the meeting that examined it.
        const fiscalYear = incident.datesMasked ? meeting.fiscalYear : fiscalYearOf(incident.firstOccurrence);
        const numeral = /^\s*([一二三四五六七八九十]+)/.exec(incident.classification.class)?.[1] ?? '－';
        return {
          incidentId: incident.id,
          fiscalYear,
          fiscalYearLabel: formatFiscalYear(fiscalYear),
          operators: incident.operators,
          occurredAt: incident.occurrences.map((o) => `${o.marker}${o.occurredAt}`),
          duration: incident.occurrences.map((o) => `${o.marker}${o.duration}`),
          affectedUsers: incident.affectedUsers.flatMap((g) => (g.heading ? [`${g.heading}：${g.lines.join('、')}`] : g.lines)),
          region: incident.region,
          classNumeral: numeral,
          classText: incident.classification.class,
          services: incident.classification.services.map((s) => s.text),
          meetingTitle: meeting.title,
          meetingLabel: `${meeting.fiscalYearLabel}第${meeting.number}回（${meeting.dateLabel}）`,
          meetingHref: `${meeting.id}.html`,
          reportHref: incident.reportHref ?? '',
        };
      }),
    ),
  );
  const classNumerals = [...new Set(rows.map((r) => r.classNumeral))].sort((a, b) => order(a) - order(b));
  const years = [...new Set(rows.map((r) => r.fiscalYear))].sort((a, b) => a - b);
  const counts = years.map((fiscalYear) => {
    // An incident shown at two meetings has a row at each, but is one incident.
    const inYear = [...new Map(rows.filter((r) => r.fiscalYear === fiscalYear).map((r) => [r.incidentId, r])).values()];
    return {
      fiscalYear,
      fiscalYearLabel: formatFiscalYear(fiscalYear),
      byClass: classNumerals.map((numeral) => ({ numeral, count: inYear.filter((r) => r.classNumeral === numeral).length })),
      total: inYear.length,
    };
  });
  return { title: '電気通信事故検証会議 検証した事故の一覧', rows, counts, classNumerals };
}

function order(numeral: string): number {
  return '一二三四五六七八九十'.indexOf(numeral) + 1 || 99;
}
