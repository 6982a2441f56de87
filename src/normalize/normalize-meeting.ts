import type { AgendaItemData, MeetingData } from '../schema/meeting.js';
import { toIsoDate, weekdayOf } from '../model/date-time.js';
import { revisionView, type RevisionView } from './revision-line.js';
import { formatFiscalYear, formatWarekiDate } from '../model/era.js';
import type { IncidentView } from './normalize-incident.js';
import { attendeesHeading, formatAttendeeGroup, type AttendeeGroupView } from './meeting-attendees.js';
import { formatMeetingNumber, formatMeetingPlace, formatMeetingTimes } from './meeting-header.js';
import { meetingNumberOf } from '../schema/meeting-id.js';
import { agendaNumber, subNumber } from './numbering.js';

export const DEFAULT_COMMITTEE = '電気通信事故検証会議';

export interface MeetingView {
  id: string;
  committee: string;
  title: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  /** Undefined when the number is 不明 / 非公表 / 調査中. */
  number?: number;
  /** 「第1回」 or 「回次不明」. */
  numberLabel: string;
  /** 議事要旨, 議事概要 or 議事録. */
  documentKind: string;
  isoDate: string;
  dateLabel: string;
  dateLine: string;
  place: string;
  headings: { date: string; place: string; attendees?: string; agenda: string };
  attendees?: AttendeeGroupView[];
  agenda: {
    number: string;
    /** 「【報告案件】」 or ''. */
    kindLabel: string;
    text: string;
    /** What the minutes print after the text: 「（非公開）」「（資料8-1、資料8-2）」「（提出資料は非公表）」, or ''. */
    suffix: string;
    incidents: { marker: string; heading?: string; incident: IncidentView }[];
  }[];
  closingRemark?: string;
  revisions: RevisionView[];
  operators: string[];
}

/** 「（非公開）」, 「（資料8-1、資料8-2）」 and 「（提出資料は非公表）」, in this order, for what the item gives. */
function agendaSuffix(item: AgendaItemData): string {
  const parts = [
    item.closed ? '非公開' : undefined,
    item.materials ? item.materials.join('、') : undefined,
    item.materialsPublic === false ? '提出資料は非公表' : undefined,
  ];
  return parts.map((part) => (part ? `（${part}）` : '')).join('');
}

/** Pure: validated meeting data + the incidents it names (already normalized) → the meeting view model. */
export function normalizeMeeting(
  id: string,
  data: MeetingData,
  incidents: ReadonlyMap<string, IncidentView>,
): MeetingView {
  const date = data.date.value;
  const committee = data.committee ?? DEFAULT_COMMITTEE;
  const dateLabel = `${formatWarekiDate(date)}（${weekdayOf(date)}）`;
  const hasAttendees = (data.attendees?.length ?? 0) > 0;
  const agenda = data.agenda.map((item, index) => {
    const refs = (item.incidents ?? []).map((r) => (typeof r === 'string' ? { ref: r } : r));
    const style = item.subNumbering ?? 'circled';
    return {
      number: agendaNumber(index),
      kindLabel: item.kind ? `【${item.kind}】` : '',
      text: item.text,
      suffix: agendaSuffix(item),
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
  const allRevisions = [...(data.revisions ?? []).map(revisionView), ...agenda.flatMap((a) => a.incidents.flatMap((i) => i.incident.revisions))];
  const revisions = [...new Map(allRevisions.map((r) => [`${r.date} ${r.note}`, r])).values()].sort((a, b) => a.date.localeCompare(b.date));
  const numberLabel = formatMeetingNumber(data.number);
  const documentKind = data.documentKind ?? '議事要旨';
  const number = meetingNumberOf(data);
  return {
    id,
    committee,
    title: `${committee}（${numberLabel}）${documentKind}`,
    fiscalYear: data.fiscalYear,
    fiscalYearLabel: formatFiscalYear(data.fiscalYear),
    ...(number !== undefined && { number }),
    numberLabel,
    documentKind,
    isoDate: toIsoDate(date),
    dateLabel,
    dateLine: `${dateLabel}${formatMeetingTimes(data.start, data.end)}`,
    place: formatMeetingPlace(data.place),
    headings: {
      date: '1 日 時',
      place: '2 場 所',
      ...(hasAttendees && { attendees: attendeesHeading(data.attendees!) }),
      agenda: `${hasAttendees ? 4 : 3} 議事`,
    },
    ...(hasAttendees && { attendees: data.attendees!.map(formatAttendeeGroup) }),
    agenda,
    ...(data.closingRemark && { closingRemark: data.closingRemark }),
    revisions,
    operators,
  };
}
