import type { MeetingView } from './normalize-meeting.js';

export interface DownloadView {
  href: string;
  label: string;
}

export interface IndexView {
  committee: string;
  title: string;
  meetings: {
    fiscalYearLabel: string;
    number: number;
    dateLabel: string;
    title: string;
    htmlHref: string;
    operators: string[];
    downloads: DownloadView[];
    revision?: string;
  }[];
}

/** 「Word（35KB）」: type and size, as government sites label downloads. */
export function formatDownloadLabel(kind: string, bytes: number): string {
  const size = bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)}MB` : `${Math.max(1, Math.round(bytes / 1024))}KB`;
  return `${kind}（${size}）`;
}

/** Pure: meeting views + the sizes of their written files → the index page's view model. */
export function normalizeIndex(
  committee: string,
  meetings: readonly MeetingView[],
  fileSize: (name: string) => number | undefined,
): IndexView {
  const sorted = [...meetings].sort((a, b) => b.fiscalYear - a.fiscalYear || b.number - a.number);
  const kinds = [
    { ext: 'docx', kind: 'Word' },
    { ext: 'pdf', kind: 'PDF' },
  ];
  return {
    committee,
    title: `${committee} 議事要旨一覧`,
    meetings: sorted.map((m) => ({
      fiscalYearLabel: m.fiscalYearLabel,
      number: m.number,
      dateLabel: m.dateLabel,
      title: m.title,
      htmlHref: `${m.id}.html`,
      operators: m.operators,
      downloads: kinds.flatMap(({ ext, kind }) => {
        const size = fileSize(`${m.id}.${ext}`);
        return size === undefined ? [] : [{ href: `${m.id}.${ext}`, label: formatDownloadLabel(kind, size) }];
      }),
      ...(m.revisions.length > 0 && { revision: m.revisions[m.revisions.length - 1].line }),
    })),
  };
}
