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
import type { Block, TableNode } from '../../../src/doc-tree/types.js';
import { columnHeaderRowCount, columnWidths, gridColumnCount, layoutCellWidths, stackCharacters } from '../../../src/write/docx/tables.js';
import type { BlockContext, DocxBlock } from './block-context.js';
import { inlinesToRuns } from './inlines.js';
import { rowsFitOnePage } from '../../../src/write/docx/row-fit.js';
import { A4, classNames, mmToTwips } from '../../../src/write/docx/style-map.js';

type ConvertBlocks = (blocks: readonly Block[], context: BlockContext) => DocxBlock[];

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
