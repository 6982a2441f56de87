import type { IncidentView } from './normalize-incident.js';
import type { MeetingView } from './normalize-meeting.js';

/** What the register reads of an incident a meeting shows: its row, without the texts of the minutes. */
export type ListedIncident = Pick<
  IncidentView,
  'id' | 'title' | 'operators' | 'occurrences' | 'firstOccurrence' | 'affectedUsers' | 'inquiries' | 'region' | 'reportHref' | 'datesMasked'
> & { classification: Pick<IncidentView['classification'], 'classes' | 'keys' | 'services'> };

/**
 * How the site pages list a meeting: its row on the index and the rows of the incidents it shows on the register.
 * The same shape as the part of a MeetingView the site pages read, so a listing the manifest kept as a whole view
 * (before listings were trimmed) still reads as one. A build keeps this per meeting, not the view: the view holds
 * every text of the minutes (≈ 11 KB a meeting), the listing ≈ 1 KB.
 */
export interface MeetingListing
  extends Pick<MeetingView, 'id' | 'committee' | 'title' | 'fiscalYear' | 'fiscalYearLabel' | 'number' | 'numberLabel' | 'isoDate' | 'dateLabel' | 'operators'> {
  agenda: { incidents: { incident: ListedIncident }[] }[];
  /** The last correction only: the index prints its line. */
  revisions: Pick<MeetingView['revisions'][number], 'line'>[];
}

/** Pure: a meeting's view → its listing (what the index and the register read of it). */
export function listMeeting(view: MeetingListing): MeetingListing {
  const { id, committee, title, fiscalYear, fiscalYearLabel, number, numberLabel, isoDate, dateLabel, operators } = view;
  return {
    id,
    committee,
    title,
    fiscalYear,
    fiscalYearLabel,
    ...(number !== undefined && { number }),
    numberLabel,
    isoDate,
    dateLabel,
    operators,
    agenda: view.agenda.filter((item) => item.incidents.length > 0).map((item) => ({ incidents: item.incidents.map(({ incident }) => ({ incident: listIncident(incident) })) })),
    revisions: view.revisions.slice(-1).map(({ line }) => ({ line })),
  };
}

function listIncident(incident: ListedIncident): ListedIncident {
  const { id, title, operators, occurrences, firstOccurrence, affectedUsers, inquiries, region, reportHref, datesMasked } = incident;
  const { classes, keys, services } = incident.classification;
  return {
    id,
    title,
    operators,
    occurrences,
    ...(firstOccurrence !== undefined && { firstOccurrence }),
    affectedUsers,
    inquiries,
    region,
    ...(reportHref !== undefined && { reportHref }),
    datesMasked,
    classification: { classes, keys, services },
  };
}
