import { compareMeetings } from './meeting-order.js';
import type { MeetingListing } from './meeting-listing.js';

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

/** Pure: meeting listings + the sizes of their written files → the index page's view model. */
export function normalizeIndex(
  committee: string,
  meetings: readonly MeetingListing[],
  fileSize: (name: string) => number | undefined,
  reports: readonly { id: string; title: string }[] = [],
): IndexView {
  const sorted = [...meetings].sort((a, b) => compareMeetings(b, a));
  const kinds = [
    { ext: 'docx', kind: 'Word' },
    { ext: 'pdf', kind: 'PDF' },
  ];
  const downloadsOf = (id: string) =>
    kinds.flatMap(({ ext, kind }) => {
      const size = fileSize(`${id}.${ext}`);
      return size === undefined ? [] : [{ href: `${id}.${ext}`, label: formatDownloadLabel(kind, size) }];
    });
  return {
    committee,
    title: `${committee} 議事要旨一覧`,
    meetings: sorted.map((m) => ({
      fiscalYearLabel: m.fiscalYearLabel,
      numberLabel: m.numberLabel,
      dateLabel: m.dateLabel,
      title: m.title,
      htmlHref: `${m.id}.html`,
      operators: m.operators,
      downloads: downloadsOf(m.id),
      ...(m.revisions.length > 0 && { revision: m.revisions[m.revisions.length - 1].line }),
    })),
    reports: reports
      .filter((r) => fileSize(`${r.id}.html`) !== undefined)
      .map((r) => ({ title: r.title, htmlHref: `${r.id}.html`, downloads: downloadsOf(r.id) })),
  };
}
