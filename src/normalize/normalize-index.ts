import { compareMeetings } from './meeting-order.js';
import type { MeetingListing } from './meeting-listing.js';
import { sameItems } from '../model/same-items.js';

export interface DownloadView {
  href: string;
  label: string;
}

export interface IndexView {
  committee: string;
  title: string;
  meetings: {
    fiscalYearLabel: string;
    /** 「第1回」 or 「回次不明」. */
    numberLabel: string;
    dateLabel: string;
    title: string;
    htmlHref: string;
    operators: string[];
    downloads: DownloadView[];
    revision?: string;
  }[];
  /** Detailed accident reports published on their own. */
  reports: { title: string; htmlHref: string; downloads: DownloadView[] }[];
}

/** 「Word（35KB）」: type and size, as government sites label downloads. */
export function formatDownloadLabel(kind: string, bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${Math.max(1, Math.round(bytes / 1024))}KB`;
  return `${kind}（${size}）`;
}

/**
 * What a build session keeps of the index between builds (minutes watch): its last view, with the listings, downloads
 * and reports it was made from. The listings of unchanged meetings stay the same objects, so a save that changes no row
 * and no download gives the same view object without sorting or building the rows again.
 */
export interface IndexMemo {
  last?: { committee: string; meetings: readonly MeetingListing[]; downloads: readonly DownloadView[][]; reports: string; view: IndexView };
}

const DOWNLOAD_KINDS = [
  { ext: 'docx', kind: 'Word' },
  { ext: 'pdf', kind: 'PDF' },
] as const;

/** A document's downloads as the index links them (Word, then PDF), from the sizes of its files (undefined: none). */
export function downloadsOf(id: string, fileSize: (name: string) => number | undefined): DownloadView[] {
  return DOWNLOAD_KINDS.flatMap(({ ext, kind }) => {
    const size = fileSize(`${id}.${ext}`);
    return size === undefined ? [] : [{ href: `${id}.${ext}`, label: formatDownloadLabel(kind, size) }];
  });
}

/**
 * Pure: meeting listings + each document's downloads (downloadsOf) → the index page's view model. `reports`: the
 * documents listed by title whose page is written.
 */
export function normalizeIndex(
  committee: string,
  meetings: readonly MeetingListing[],
  downloads: (id: string) => DownloadView[],
  reports: readonly { id: string; title: string }[] = [],
  memo: IndexMemo = {},
): IndexView {
  const byMeeting = meetings.map((m) => downloads(m.id));
  const shownReports = reports.map((r) => ({ title: r.title, htmlHref: `${r.id}.html`, downloads: downloads(r.id) }));
  const reportsJson = JSON.stringify(shownReports);
  const last = memo.last;
  if (last && last.committee === committee && last.reports === reportsJson && sameItems(last.meetings, meetings) && byMeeting.every((list, i) => sameDownloads(list, last.downloads[i]))) {
    return last.view;
  }
  const downloadsById = new Map(meetings.map((m, i) => [m.id, byMeeting[i]]));
  const sorted = [...meetings].sort((a, b) => compareMeetings(b, a));
  const view = {
    committee,
    title: `${committee} 議事要旨一覧`,
    meetings: sorted.map((m) => ({
      fiscalYearLabel: m.fiscalYearLabel,
      numberLabel: m.numberLabel,
      dateLabel: m.dateLabel,
      title: m.title,
      htmlHref: `${m.id}.html`,
      operators: m.operators,
      downloads: downloadsById.get(m.id)!,
      ...(m.revisions.length > 0 && { revision: m.revisions[m.revisions.length - 1].line }),
    })),
    reports: shownReports,
  };
  memo.last = { committee, meetings: [...meetings], downloads: byMeeting, reports: reportsJson, view };
  return view;
}

/** The same downloads: the same list (a build session keeps each document's while its files are unchanged), or equal. */
function sameDownloads(a: readonly DownloadView[], b: readonly DownloadView[]): boolean {
  return a === b || (a.length === b.length && a.every((d, i) => d.href === b[i].href && d.label === b[i].label));
}
