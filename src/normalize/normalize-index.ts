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
 * What a build session keeps of the index between builds (minutes watch): its last view, with the listings, the
 * download labels and the reports it was made from. The listings of unchanged meetings stay the same objects, so a save
 * that changes no row and no size gives the same view object without sorting or building the rows again.
 */
export interface IndexMemo {
  last?: { committee: string; meetings: readonly MeetingListing[]; downloads: string; reports: string; view: IndexView };
}

const DOWNLOAD_KINDS = [
  { ext: 'docx', kind: 'Word' },
  { ext: 'pdf', kind: 'PDF' },
] as const;

/** Pure: meeting listings + the sizes of their written files → the index page's view model. */
export function normalizeIndex(
  committee: string,
  meetings: readonly MeetingListing[],
  fileSize: (name: string) => number | undefined,
  reports: readonly { id: string; title: string }[] = [],
  memo: IndexMemo = {},
): IndexView {
  const downloadsOf = (id: string): DownloadView[] =>
    DOWNLOAD_KINDS.flatMap(({ ext, kind }) => {
      const size = fileSize(`${id}.${ext}`);
      return size === undefined ? [] : [{ href: `${id}.${ext}`, label: formatDownloadLabel(kind, size) }];
    });
  const downloads = new Map(meetings.map((m) => [m.id, downloadsOf(m.id)]));
  const shownReports = reports.filter((r) => fileSize(`${r.id}.html`) !== undefined).map((r) => ({ title: r.title, htmlHref: `${r.id}.html`, downloads: downloadsOf(r.id) }));
  // What the view reads besides the listings: each meeting's download labels (an href follows from its label's kind).
  const inputs = { downloads: [...downloads.values()].map((list) => list.map((d) => d.label).join('\t')).join('\n'), reports: JSON.stringify(shownReports) };
  const last = memo.last;
  if (last && last.committee === committee && last.downloads === inputs.downloads && last.reports === inputs.reports && sameItems(last.meetings, meetings)) return last.view;
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
      downloads: downloads.get(m.id)!,
      ...(m.revisions.length > 0 && { revision: m.revisions[m.revisions.length - 1].line }),
    })),
    reports: shownReports,
  };
  memo.last = { committee, meetings: [...meetings], ...inputs, view };
  return view;
}

