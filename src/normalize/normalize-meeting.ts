import type { AttendeeGroupData, MeetingData } from '../schema/meeting.js';
import { formatClock, parseIsoDate, parseTime, toIsoDate, weekdayOf } from './datetime.js';
import { formatFiscalYear, formatWarekiDate, type CalendarDate } from './era.js';
import type { IncidentView } from './normalize-incident.js';
import { agendaNumber, subNumber } from './numbering.js';

export const DEFAULT_COMMITTEE = '電気通信事故検証会議';

export interface MeetingView {
  id: string;
  committee: string;
  title: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  number: number;
  isoDate: string;
  dateLabel: string;
  dateLine: string;
  place: string;
  headings: { date: string; place: string; attendees?: string; agenda: string };
  attendees?: { group: string; lines: string[] }[];
  agenda: {
    number: string;
    text: string;
    incidents: { marker: string; heading?: string; incident: IncidentView }[];
  }[];
  closingRemark?: string;
  revisions: { date: string; note: string; line: string }[];
  operators: string[];
}

function formatAttendeeGroup(group: AttendeeGroupData): { group: string; lines: string[] } {
  const separator = group.roleSeparator ?? '';
  const lines = group.lines ?? [group.members ?? []];
  return {
    group: `＜${group.group}＞`,
    lines: lines.map((line) => line.map((m) => (m.role ? `${m.name}${separator}${m.role}` : m.name)).join('、')),
  };
}

/** 「（令和7年6月20日 一部修正）」 */
export function formatRevision(revision: { date: string; note: string }): string {
  return `（${formatWarekiDate(parseIsoDate(revision.date)!)} ${revision.note}）`;
}

/** Pure: validated meeting data + the incidents it names (already normalized) → the meeting view model. */
export function normalizeMeeting(
  id: string,
  data: MeetingData,
  incidents: ReadonlyMap<string, IncidentView>,
): MeetingView {
  const date: CalendarDate = parseIsoDate(data.date)!;
  const committee = data.committee ?? DEFAULT_COMMITTEE;
  const dateLabel = `${formatWarekiDate(date)}（${weekdayOf(date)}）`;
  const hasAttendees = (data.attendees?.length ?? 0) > 0;
  const agenda = data.agenda.map((item, index) => {
    const refs = (item.incidents ?? []).map((r) => (typeof r === 'string' ? { ref: r } : r));
    const style = item.subNumbering ?? 'circled';
    return {
      number: agendaNumber(index),
      text: item.text,
      incidents: refs.map((ref, i) => {
        const incident = incidents.get(ref.ref);
        if (!incident) throw new Error(`normalizeMeeting was given no incident "${ref.ref}"`);
        return {
          marker: refs.length > 1 ? subNumber(style, i) : '',
          ...(ref.heading && { heading: ref.heading }),
          incident,
        };
      }),
    };
  });
  const operators = [...new Set(agenda.flatMap((a) => a.incidents.flatMap((i) => i.incident.operators)))];
  // A correction of an incident is a correction of every meeting that shows it.
  const allRevisions = [...(data.revisions ?? []), ...agenda.flatMap((a) => a.incidents.flatMap((i) => i.incident.revisions))];
  const revisions = [...new Map(allRevisions.map((r) => [`${r.date} ${r.note}`, r])).values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((r) => ({ date: r.date, note: r.note, line: formatRevision(r) }));
  return {
    id,
    committee,
    title: `${committee}（第${data.number}回）議事要旨`,
    fiscalYear: data.fiscalYear,
    fiscalYearLabel: formatFiscalYear(data.fiscalYear),
    number: data.number,
    isoDate: toIsoDate(date),
    dateLabel,
    dateLine: `${dateLabel}${formatClock(parseTime(data.start)!)}～${formatClock(parseTime(data.end)!)}`,
    place: data.place,
    headings: {
      date: '1 日 時',
      place: '2 場 所',
      ...(hasAttendees && { attendees: '3 出席者（敬称略）' }),
      agenda: `${hasAttendees ? 4 : 3} 議事`,
    },
    ...(hasAttendees && { attendees: data.attendees!.map(formatAttendeeGroup) }),
    agenda,
    ...(data.closingRemark && { closingRemark: data.closingRemark }),
    revisions,
    operators,
  };
}
