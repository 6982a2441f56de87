import type { TableCells } from './pdf-tables.js';

/** One line of the imported text, with its 1-based line number in the input file (kept through every clean-up). */
export interface SourceLine {
  text: string;
  line: number;
  /** The extraction marked the end of a paragraph after this line (an HTML </p>, a blank line in a Markdown-like text). */
  breakAfter?: boolean;
  /** A diagram lost in extraction: the texts it held (the first of several is its caption). */
  figure?: string[];
  /** A table printed inside the cell, rebuilt from the document's structure or its tab-separated rows. */
  table?: TableCells;
  /** The input line's tab-separated cells, when it has tabs (a text extraction's table row). */
  cells?: string[];
}

/** Something the importer could not place with confidence: kept verbatim in the record and reported with its line. */
export interface ImportNote {
  line: number;
  /** What was not understood, in Japanese and English. */
  ja: string;
  en: string;
  /** The text concerned, verbatim. */
  actual?: string;
}

/** Splits a text into numbered lines (CRLF and CR tolerated). */
export function splitSourceLines(text: string): SourceLine[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}
