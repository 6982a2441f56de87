import { decodeEntities, expandHtmlLine, holdsHtml } from './html-fragments.js';
import type { TableCells } from './pdf-tables.js';
import type { SourceLine } from './source-lines.js';

/**
 * Rebuilds the tables a text extraction printed as tab-separated rows (seed 000's notice table): within one cell of
 * the summary table, a run of at least two consecutive input lines that each have the same number of tab-separated
 * cells and at least two of them filled. A row's cell may hold HTML paragraphs (<p>…</p>): each is a paragraph of
 * the cell. A line with a single filled cell (a title over the table, the summary table's own continuation) is text.
 */
export function rebuildTabTables(lines: readonly SourceLine[]): SourceLine[] {
  const isRow = (l: SourceLine) => (l.cells?.length ?? 0) >= 2 && l.cells!.filter((c) => c.trim()).length >= 2;
  const out: SourceLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const rows: SourceLine[][] = [];
    let j = i;
    while (j < lines.length && isRow(lines[j])) {
      const last = rows.at(-1)?.[0];
      if (last && lines[j].line !== last.line && (lines[j].line !== last.line + 1 || lines[j].cells!.length !== last.cells!.length)) break;
      if (last && lines[j].line === last.line) rows.at(-1)!.push(lines[j]);
      else rows.push([lines[j]]);
      j++;
    }
    if (rows.length < 2) {
      out.push(lines[i]);
      i++;
      continue;
    }
    const table: TableCells = rows.map(([row]) => row.cells!.map((cell) => cellParagraphs(cell, row.line)));
    out.push({ text: '', line: rows[0][0].line, breakAfter: true, table });
    i = j;
  }
  return out;
}

function cellParagraphs(cell: string, line: number): string[] {
  if (!holdsHtml(cell)) return [decodeEntities(cell).trim()];
  return expandHtmlLine({ text: cell, line }).map((l) => l.text.trim());
}
