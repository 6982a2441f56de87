import {
  TextDirection,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Block, Inline, TableNode } from '../../doc-tree/types.js';
import type { BlockContext, DocxBlock } from './block-context.js';
import { inlinesToRuns } from './inlines.js';
import { rowsFitOnePage } from './row-fit.js';
import { A4, classNames, mmToTwips } from './style-map.js';

type ConvertBlocks = (blocks: readonly Block[], context: BlockContext) => DocxBlock[];

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

function columnWidths(table: TableNode, context: BlockContext, count: number): number[] {
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
function stackCharacters(blocks: Block[]): Block[] {
  const stack = (inlines: Inline[]): Inline[] =>
    inlines.flatMap((inline): Inline[] =>
      inline.type === 'text'
        ? [...inline.text].flatMap((char, i): Inline[] => (i === 0 ? [{ type: 'text', text: char }] : [{ type: 'break' }, { type: 'text', text: char }]))
        : [inline],
    );
  return blocks.map((block) => (block.type === 'paragraph' ? { ...block, children: stack(block.children) } : block));
}

/** The width in twips of every cell, row by row, on the table's grid (cells under a rowspan are skipped). */
function layoutCellWidths(table: TableNode, widths: number[]): number[][] {
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

/** A DocTree table → a Word table with a fixed grid, merged cells, shaded labels and unsplittable short rows. */
export function tableToDocx(table: TableNode, context: BlockContext, convert: ConvertBlocks): DocxBlock[] {
  const count = gridColumnCount(table);
  const widths = columnWidths(table, context, count);
  const look = context.map.tables[table.className ?? ''] ?? context.map.tables.default;
  const border = { style: BorderStyle.SINGLE, size: 4, color: look.borderColor };
  const cellWidths = layoutCellWidths(table, widths);
  const pageHeight = mmToTwips(A4.heightMm - context.map.page.marginTopMm - context.map.page.marginBottomMm);
  const headerRowCount = columnHeaderRowCount(table);
  const rows = table.rows.map((row, r) => {
    const cells = row.cells.map((cell, i) => {
      const width = cellWidths[r][i];
      const vertical = classNames(cell.className).some((name) => context.map.cellStyles?.[name]?.verticalText);
      const spanned = table.rows.slice(r, r + cell.rowSpan);
      const upright = vertical && rowsFitOnePage(spanned, (_, index) => cellWidths[table.rows.indexOf(_)][index], pageHeight);
      const children = convert(vertical && !upright ? stackCharacters(cell.children) : cell.children, {
        ...context,
        width: width - 230,
        listLevel: 0,
        paragraphStyle: context.map.paragraphStyles[cell.header ? 'table-label' : 'table-value'].id,
      });
      return new TableCell({
        children: children.length ? children : [new Paragraph({ style: context.map.paragraphStyles['table-value'].id })],
        width: { size: width, type: WidthType.DXA },
        ...(cell.colSpan > 1 && { columnSpan: cell.colSpan }),
        ...(cell.rowSpan > 1 && { rowSpan: cell.rowSpan }),
        ...(cell.header && { shading: { fill: look.labelShading, type: ShadingType.CLEAR, color: 'auto' } }),
        ...(upright && { textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT }),
        ...(cell.header && { verticalAlign: VerticalAlign.CENTER }),
      });
    });
    const keep = classNames(row.className).some((name) => context.map.rowStyles?.[name]?.keepTogether);
    const repeated = r < headerRowCount;
    return new TableRow({ children: cells, ...((keep || repeated) && { cantSplit: true }), ...(repeated && { tableHeader: true }) });
  });
  const caption = table.caption
    ? [new Paragraph({ style: context.map.paragraphStyles['table-caption'].id, children: inlinesToRuns(table.caption) })]
    : [];
  return [
    ...caption,
    new Table({
      rows,
      columnWidths: widths,
      width: { size: context.width, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    }),
  ];
}
