import { displayWidth } from './display-width.js';
import type { TableCells } from './pdf-tables.js';
import type { SourceLine } from './source-lines.js';

export interface Paragraph {
  text: string;
  /** Line of the input where it starts. */
  line: number;
  figure?: string[];
  table?: TableCells;
}

/** A line that starts something of its own: a bullet, a sub-heading, a schedule note, a numbered item, a note. */
export const BLOCK_START =
  /^\s*(?:[・･●○〇◯■□◆◇※＜<【⁃\uF000-\uF0FF]|-(?!\d+-)|[（(]\s*(?:[0-9０-９]{1,2}|[ivx]{1,4}|[ア-ン])\s*[）)]|[①-⑳]|[0-9０-９]{1,2}[.．](?![0-9０-９])|第\s*[0-9０-９]+\s*報|[ア-ン]\s|#{1,6}\s|>\s?|\*\*|\|)/;

/** A line wholly in brackets, such as a schedule note （令和４年12月25日 完了）, is a paragraph of its own. */
const WHOLLY_BRACKETED = /^\s*[（(][^（()）]*[）)]$/;
/** A line after which a new paragraph starts: the end of a sentence, a sub-heading or a note. */
const BLOCK_END = /[。．！？」』】＞>]$/;

/**
 * Joins the lines wrapped by the extraction into paragraphs. A paragraph ends at a marked break, after a sentence
 * or a bracketed line, and before a line that starts a bullet, a heading or a numbered item. Wrapped Japanese joins
 * without a space; two Latin words get one.
 */
export function joinParagraphs(lines: readonly SourceLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  let current: Paragraph | undefined;
  let open = false;
  // Extraction wraps a paragraph at the cell's width: a line well short of it ended its paragraph.
  const wrapWidth = wrapWidthOf(lines);
  for (const l of lines) {
    if (l.figure || l.table) {
      out.push({ text: '', line: l.line, ...(l.figure ? { figure: l.figure } : { table: l.table }) });
      current = undefined;
      open = false;
      continue;
    }
    const text = l.text.trim();
    if (current && open && !BLOCK_START.test(l.text) && !WHOLLY_BRACKETED.test(text)) {
      current.text += joiner(current.text, text) + text;
    } else {
      current = { text, line: l.line };
      out.push(current);
    }
    const short = wrapWidth >= 30 && displayWidth(l.text) < wrapWidth * 0.75;
    open = !l.breakAfter && !BLOCK_END.test(current.text) && !WHOLLY_BRACKETED.test(text) && !short;
  }
  return out;
}

/** Lines wrapped inside one paragraph, joined as joinParagraphs joins them. */
export function joinWrapped(texts: readonly string[]): string {
  return texts.reduce((joined, t) => joined + joiner(joined, t.trim()) + t.trim(), '');
}

function joiner(before: string, after: string): string {
  return /[A-Za-z0-9,.;:]$/.test(before) && /^[A-Za-z0-9(]/.test(after) ? ' ' : '';
}

/** The width the extraction wrapped at: that of the longer lines (the 80th percentile, so one odd line does not count). */
function wrapWidthOf(lines: readonly SourceLine[]): number {
  const widths = lines.filter((l) => !l.figure && !l.table).map((l) => displayWidth(l.text)).sort((a, b) => a - b);
  return widths.length ? widths[Math.floor((widths.length - 1) * 0.8)] : 0;
}
