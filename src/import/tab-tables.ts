import { decodeEntities, expandHtmlLine, holdsHtml } from './html-fragments.js';
import type { TableCells } from './pdf-tables.js';
import type { SourceLine } from './source-lines.js';

/**
 * Rebuilds the tables a text extraction printed as tab-separated rows (seed 000's notice table): within one cell of
 * the summary table, a run of at least two consecutive input lines that each have the same number of tab-separated
 * cells and at least two of them filled (a row with fewer filled cells belongs to the run when rows of the run stand
 * on both sides of it). A row's cell may hold HTML paragraphs (<p>…</p>): each is a paragraph of the cell. A line
 * with a single filled cell on its own (a title over the table, the summary table's own continuation) is text.
 */
export function rebuildTabTables(lines: readonly SourceLine[]): SourceLine[] {
  // The input lines, each with the SourceLines it was cut into (an HTML line gives several).
  const groups: SourceLine[][] = [];
  for (const l of lines) {
    const last = groups.at(-1);
    if (last && l.cells && last[0].cells && last[0].line === l.line) last.push(l);
    else groups.push([l]);
  }
  const width = (g: SourceLine[] | undefined) => g?.[0].cells?.length ?? 0;
  const full = (g: SourceLine[] | undefined) => width(g) >= 2 && g![0].cells!.filter((c) => c.trim()).length >= 2;
  const follows = (g: SourceLine[], before: SourceLine[]) => g[0].line === before[0].line + 1 && width(g) === width(before);
  const out: SourceLine[] = [];
  let i = 0;
  while (i < groups.length) {
    let j = i + 1;
    if (full(groups[i])) {
      while (j < groups.length && follows(groups[j], groups[j - 1]) && (full(groups[j]) || (groups[j + 1] && follows(groups[j + 1], groups[j]) && full(groups[j + 1])))) j++;
    }
    if (j - i < 2) {
      out.push(...groups[i]);
      i++;
      continue;
    }
    const table: TableCells = groups.slice(i, j).map(([row]) => row.cells!.map((cell) => cellParagraphs(cell, row.line)));
    out.push({ text: '', line: groups[i][0].line, breakAfter: true, table });
    i = j;
  }
  return out;
}

function cellParagraphs(cell: string, line: number): string[] {
  if (!holdsHtml(cell)) return [decodeEntities(cell).trim()];
  return expandHtmlLine({ text: cell, line }).map((l) => l.text.trim());
}
