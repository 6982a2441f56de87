import { expandHtmlLine, holdsHtml } from './html-fragments.js';
import { splitSourceLines, type SourceLine } from './source-lines.js';

export interface CleanedText {
  lines: SourceLine[];
  /** What was removed as an artefact of the extraction, for the report. */
  removed: { pageNumbers: number; runningHeaders: number; tableCaptions: number };
}

const PAGE_NUMBER = /^[-－‐―ー]\s*[0-9０-９]{1,3}\s*[-－‐―ー]$|^[0-9０-９]{1,3}\s*\/\s*[0-9０-９]{1,3}$/;

/**
 * Undoes what the extraction did to the text, keeping every line's number: page numbers (-3-) and running headers
 * (a line repeated at the top of several pages) are removed, HTML fragments become plain lines, `<…>` headings become
 * ＜…＞, and the paragraph breaks are read from the blank lines. A PDF's text marks paragraph breaks with lines
 * holding only spaces and leaves empty lines between wrapped lines; other texts separate paragraphs by empty lines.
 */
export function cleanArtifacts(text: string): CleanedText {
  const raw = splitSourceLines(text.replace(/\f/g, '\n\f'));
  const removed = { pageNumbers: 0, runningHeaders: 0, tableCaptions: 0 };
  const spaceOnly = raw.filter((l) => /^[ \t\u3000]+$/.test(l.text)).length;
  const breaksBySpaces = spaceOnly >= 20;
  const headers = runningHeaders(raw);
  const lines: SourceLine[] = [];
  const markBreak = () => {
    const last = lines.at(-1);
    if (last) last.breakAfter = true;
  };
  for (const source of raw) {
    const t = source.text.replace(/\f/g, '').replace(/[ \t\u3000]+$/, '');
    if (t.trim() === '') {
      if (breaksBySpaces ? source.text.length > 0 && !source.text.includes('\f') : true) markBreak();
      continue;
    }
    if (PAGE_NUMBER.test(t.trim())) {
      removed.pageNumbers += 1;
      continue;
    }
    if (source.text.startsWith('\f') && headers.has(t.trim())) {
      removed.runningHeaders += 1;
      continue;
    }
    const expanded = holdsHtml(t) ? expandHtmlLine({ text: t, line: source.line }) : [{ text: t, line: source.line }];
    const cells = source.text.includes('\t') ? source.text.replace(/\f/g, '').split('\t') : undefined;
    for (const line of expanded) lines.push({ ...line, text: symbolBullet(fullWidthAngles(line.text)), ...(cells ? { cells } : {}) });
  }
  return { lines, removed };
}

/**
 * A line standing at the top of at least two pages and of at least half the pages after the first (pdftotext starts
 * each page with a form feed). A table's row label that happens to open two pages of ten (情 of 情報周知) is no header.
 */
function runningHeaders(lines: SourceLine[]): Set<string> {
  const counts = new Map<string, number>();
  let pages = 1;
  for (const l of lines) {
    if (!l.text.startsWith('\f')) continue;
    pages++;
    const t = l.text.replace(/\f/g, '').trim();
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2 && n >= (pages - 1) / 2).map(([t]) => t));
}

/** `<構成員>` as a whole line is the sub-heading ＜構成員＞ (the format writes full-width angle brackets). */
function fullWidthAngles(text: string): string {
  const m = /^(\s*)<([^<>]+)>(\s*)$/.exec(text);
  if (m && /^[a-z]+:|@/i.test(m[2])) return text;
  return m ? `${m[1]}＜${m[2]}＞${m[3]}` : text;
}

/** A bullet drawn with a symbol font () arrives as a private-use character: it is the format's ・. */
function symbolBullet(text: string): string {
  return text.replace(/^(\s*)[\uF000-\uF0FF]\s*/, '$1・');
}
