import type { Block, Inline, TableNode } from '../../doc-tree/types.js';
import type { BlockContext } from './block-context.js';
import { inlinesToXml } from './inlines.js';
import { paragraphXml } from './paragraph-xml.js';
import { rowsFitOnePage } from './row-fit.js';
import { A4, classNames, mmToTwips, type StyleMap } from './style-map.js';
import { escapeXml } from './xml-text.js';

type ConvertBlocks = (blocks: readonly Block[], context: BlockContext) => string;

/** Column count of a table, counting cells spanned down from rows above. */
export function gridColumnCount(table: TableNode): number {
  const carried: number[] = [];
  let max = 0;
  for (const row of table.rows) {
    let column = 0;
    for (const cell of row.cells) {
      while ((carried[column] ?? 0) > 0) column++;
      for (let c = column; c < column + cell.colSpan; c++) carried[c] = Math.max(carried[c] ?? 0, cell.rowSpan);
      column += cell.colSpan;
    }
    max = Math.max(max, column, carried.length);
    for (let c = 0; c < carried.length; c++) carried[c] = Math.max(0, (carried[c] ?? 0) - 1);
  }
  return max;
}

export function columnWidths(table: TableNode, context: { map: StyleMap; width: number }, count: number): number[] {
  const spec = context.map.tables[table.className ?? '']?.columnWidths;
  const shares = spec && spec.length === count ? spec : Array.from({ length: count }, () => 1);
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((context.width * s) / total));
  widths[widths.length - 1] += context.width - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/**
 * A vertical label (情報周知) written one character per line, for rows too long for one page: LibreOffice cannot
 * break a row holding a cell with vertical text direction (tbRl) across pages and cuts the rest off. Stacked
 * characters read the same way, and such rows break normally.
 */
export function stackCharacters(blocks: Block[]): Block[] {
  const stack = (inlines: Inline[]): Inline[] =>
    inlines.flatMap((inline): Inline[] =>
      inline.type === 'text'
        ? [...inline.text].flatMap((char, i): Inline[] => (i === 0 ? [{ type: 'text', text: char }] : [{ type: 'break' }, { type: 'text', text: char }]))
        : [inline],
    );
  return blocks.map((block) => (block.type === 'paragraph' ? { ...block, children: stack(block.children) } : block));
}

/** The width in twips of every cell, row by row, on the table's grid (cells under a rowspan are skipped). */
export function layoutCellWidths(table: TableNode, widths: number[]): number[][] {
  const carried: number[] = [];
  return table.rows.map((row) => {
    let column = 0;
    const rowWidths = row.cells.map((cell) => {
      while ((carried[column] ?? 0) > 0) column++;
      const width = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
      for (let c = column; c < column + cell.colSpan; c++) carried[c] = cell.rowSpan;
      column += cell.colSpan;
      return width;
    });
    for (let c = 0; c < carried.length; c++) carried[c] = Math.max(0, (carried[c] ?? 0) - 1);
    return rowWidths;
  });
}

/**
 * The leading rows made of column headers only (`<th scope="col">`): Word repeats them on every page the table
 * runs over (tblHeader), and LibreOffice tags their cells TH in a tagged PDF.
 */
export function columnHeaderRowCount(table: TableNode): number {
  const index = table.rows.findIndex((row) => !row.cells.every((cell) => cell.header && cell.scope === 'col'));
  return index === -1 ? table.rows.length : index;
}

/** A cell as the docx package lays it out: a cell of the tree, or a continuation of a merge from the row above. */
interface LaidCell {
  width: number;
  colSpan: number;
  rowSpan: number;
  merge?: 'restart' | 'continue';
  shading?: string;
  upright?: boolean;
  header?: boolean;
  content: string;
}

/**
 * Continuation cells for vertical merges, placed as the docx package places them (Table's constructor): row by row,
 * each cell spanning rows below puts a copy of its properties (vMerge continue, an empty paragraph) into the next row
 * before the cell that holds its grid column there.
 */
function addContinuations(rows: LaidCell[][]): void {
  for (let r = 0; r < rows.length - 1; r++) {
    let column = 0;
    for (const cell of [...rows[r]]) {
      if (cell.rowSpan > 1) {
        const next = rows[r + 1];
        const continuation: LaidCell = { ...cell, rowSpan: cell.rowSpan - 1, merge: 'continue', content: '<w:p/>' };
        let at = 0;
        let covered = 0;
        while (covered <= column && at < next.length) covered += next[at++].colSpan;
        next.splice(covered <= column ? next.length : at - 1, 0, continuation);
      }
      column += cell.colSpan;
    }
  }
}

function cellXml(cell: LaidCell): string {
  const properties =
    `<w:tcW w:type="dxa" w:w="${cell.width}"/>` +
    (cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '') +
    (cell.merge ? `<w:vMerge w:val="${cell.merge}"/>` : '') +
    (cell.shading !== undefined ? `<w:shd w:fill="${escapeXml(cell.shading)}" w:color="auto" w:val="clear"/>` : '') +
    (cell.upright ? '<w:textDirection w:val="tbRl"/>' : '') +
    (cell.header ? '<w:vAlign w:val="center"/>' : '');
  // A cell ends with a paragraph (a nested table is followed by an empty one).
  const content = cell.content.endsWith('</w:tbl>') ? `${cell.content}<w:p/>` : cell.content;
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${content}</w:tc>`;
}

/** A DocTree table → a Word table with a fixed grid, merged cells, shaded labels and unsplittable short rows. */
export function tableToXml(table: TableNode, context: BlockContext, convert: ConvertBlocks): string {
  const count = gridColumnCount(table);
  const widths = columnWidths(table, context, count);
  // Tables nested deeper than a page allows (each cell takes its margins off): the docx package refused them too.
  const negative = widths.find((width) => width < 0);
  if (negative !== undefined) throw new Error(`Word writer: a table column is ${negative} twips wide (tables nested too deeply)`);
  const look = context.map.tables[table.className ?? ''] ?? context.map.tables.default;
  const border = (side: string) => `<w:${side} w:val="single" w:color="${escapeXml(look.borderColor)}" w:sz="4"/>`;
  const cellWidths = layoutCellWidths(table, widths);
  const pageHeight = mmToTwips(A4.heightMm - context.map.page.marginTopMm - context.map.page.marginBottomMm);
  const headerRowCount = columnHeaderRowCount(table);
  const caption = table.caption ? paragraphXml({ style: context.map.paragraphStyles['table-caption'].id }, inlinesToXml(table.caption, context.parts)) : '';
  const rows = table.rows.map((row, r) =>
    row.cells.map((cell, i): LaidCell => {
      const width = cellWidths[r][i];
      const vertical = classNames(cell.className).some((name) => context.map.cellStyles?.[name]?.verticalText);
      const spanned = table.rows.slice(r, r + cell.rowSpan);
      const upright = vertical && rowsFitOnePage(spanned, (_, index) => cellWidths[table.rows.indexOf(_)][index], pageHeight);
      const content = convert(vertical && !upright ? stackCharacters(cell.children) : cell.children, {
        ...context,
        width: width - 230,
        listLevel: 0,
        paragraphStyle: context.map.paragraphStyles[cell.header ? 'table-label' : 'table-value'].id,
      });
      return {
        width,
        colSpan: cell.colSpan,
        rowSpan: cell.rowSpan,
        ...(cell.rowSpan > 1 && { merge: 'restart' as const }),
        ...(cell.header && { shading: look.labelShading, header: true }),
        upright,
        content: content || paragraphXml({ style: context.map.paragraphStyles['table-value'].id }),
      };
    }),
  );
  addContinuations(rows);
  const rowsXml = rows.map((cells, r) => {
    if (cells.length === 0) return '';
    const row = table.rows[r];
    const keep = classNames(row.className).some((name) => context.map.rowStyles?.[name]?.keepTogether);
    const repeated = r < headerRowCount;
    const trPr = (keep || repeated ? '<w:cantSplit/>' : '') + (repeated ? '<w:tblHeader/>' : '');
    return `<w:tr>${trPr && `<w:trPr>${trPr}</w:trPr>`}${cells.map(cellXml).join('')}</w:tr>`;
  });
  return (
    caption +
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${context.width}"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rowsXml.join('')}</w:tbl>`
  );
}
