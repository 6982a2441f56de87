import type { Block, Inline, TableRowNode } from '../../doc-tree/types.js';
import { displayWidth } from '../../diagnostics/code-frame.js';

/** Twips per display column (half a full-width character) of 10 pt text, and per line (10 pt × 1.15 + spacing). */
const TWIPS_PER_COLUMN = 100;
const TWIPS_PER_LINE = 300;

function inlineText(inlines: Inline[]): string[] {
  // A hard break starts a new line: return the text of each line.
  const lines = [''];
  for (const inline of inlines) {
    if (inline.type === 'break') lines.push('');
    else if (inline.type === 'text' || inline.type === 'code') lines[lines.length - 1] += inline.text;
    else lines[lines.length - 1] += inlineText(inline.children).join('');
  }
  return lines;
}

/** A generous estimate of the lines blocks take in a cell of `width` twips. */
function estimateLines(blocks: Block[], width: number): number {
  const perLine = Math.max(1, Math.floor(width / TWIPS_PER_COLUMN));
  return blocks.reduce((sum, block) => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return sum + inlineText(block.children).reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / perLine)), 0) + 0.3;
      case 'list':
        return sum + block.items.reduce((n, item) => n + estimateLines(item.children, width - 400), 0);
      case 'section':
        return sum + estimateLines(block.children, width);
      case 'table':
        return sum + block.rows.reduce((n, row) => n + Math.max(1, ...row.cells.map((c) => estimateLines(c.children, width / row.cells.length))), 0);
      case 'figure':
        return sum + 12;
      default:
        return sum + 1;
    }
  }, 0);
}

/**
 * Whether each of these rows fits on one page. LibreOffice cannot break a row that holds a cell with vertical text
 * (tbRl) across pages: it cuts the rest off. Rows that might not fit get their label stacked instead.
 */
export function rowsFitOnePage(rows: TableRowNode[], cellWidths: (row: TableRowNode, index: number) => number, pageHeight: number): boolean {
  return rows.every((row) => {
    const lines = Math.max(...row.cells.map((cell, i) => estimateLines(cell.children, cellWidths(row, i))));
    return lines * TWIPS_PER_LINE < pageHeight * 0.85;
  });
}
