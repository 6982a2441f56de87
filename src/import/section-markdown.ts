import { joinParagraphs, type Paragraph } from './join-paragraphs.js';
import { gatherLostDiagramText } from './lost-diagram-text.js';
import { markLostFigures } from './lost-figures.js';
import { restoreLostBullets } from './lost-bullets.js';
import { rebuildTabTables } from './tab-tables.js';
import type { TableCells } from './pdf-tables.js';
import type { ImportNote, SourceLine } from './source-lines.js';

type Block = { kind: 'bullet' | 'ordered'; text: string; notes: string[] } | { kind: 'text'; text: string };

const SCHEDULE = /^【[^【】]+】$/;
const TRAILING_SCHEDULE = /^(.*\S)\s+(【[^【】]*(?:完了|予定|開始|未定|実施|時期)[^【】]*】)$/;

/**
 * Writes a long table cell (発生原因, 再発防止策 …) as Markdown in the format's conventions: ＜…＞ sub-headings and
 * 【…】 schedule notes as paragraphs of their own, ・ bullets as a list, 1. 2. as a numbered list (a schedule note
 * after a numbered item belongs to it), headings of pasted web pages as bold paragraphs, lost diagrams as image
 * placeholders whose description is the text the diagram held.
 */
export function sectionMarkdown(lines: readonly SourceLine[], notes: ImportNote[]): string {
  return paragraphsMarkdown(joinParagraphs(restoreLostBullets(markLostFigures(gatherLostDiagramText(rebuildTabTables(lines), notes), notes), notes)));
}

export function paragraphsMarkdown(paragraphs: readonly Paragraph[]): string {
  const blocks: Block[] = [];
  for (const p of paragraphs) {
    if (p.figure || p.table) {
      blocks.push({ kind: 'text', text: p.figure ? figureMarkdown(p.figure) : tableMarkdown(p.table!) });
      continue;
    }
    const text = p.text.trim();
    if (!text) continue;
    const bullet = /^(?:-\s*)?[・･⁃]\s*(.*)$|^-\s*(\S.*)$/.exec(text);
    const ordered = /^([0-9]{1,2})[.．]\s*(.*)$/.exec(text);
    const last = blocks.at(-1);
    if (/^(?:[-*_]\s*){3,}$/.test(text)) {
      blocks.push({ kind: 'text', text: '---' });
    } else if (SCHEDULE.test(text) && last?.kind === 'ordered') {
      last.notes.push(text);
    } else if (ordered) {
      pushItem(blocks, 'ordered', `${ordered[1]}. `, ordered[2]);
    } else if (bullet && (bullet[1] ?? bullet[2])) {
      blocks.push({ kind: 'bullet', text: bullet[1] ?? bullet[2], notes: [] });
    } else {
      blocks.push({ kind: 'text', text: plainParagraph(text) });
    }
  }
  return render(blocks);
}

function pushItem(blocks: Block[], kind: 'ordered', marker: string, text: string) {
  const split = TRAILING_SCHEDULE.exec(text);
  blocks.push({ kind, text: `${marker}${split ? split[1] : text}`, notes: split ? [split[2]] : [] });
}

function plainParagraph(text: string): string {
  const heading = /^#{1,6}\s+(.*)$/.exec(text);
  if (heading) return `**${heading[1].trim()}**`;
  if (/^[-－]$/.test(text)) return text === '-' ? '\\-' : text;
  if (/^(?:[-*_]\s*){3,}$/.test(text)) return '---';
  return text.replace(/^([+>])/, '\\$1').replace(/^(\d{1,2})([.)])(\s)/, '$1\\$2$3');
}

function figureMarkdown(texts: readonly string[]): string {
  const clean = (t: string) => t.replace(/[[\]]/g, (c) => `\\${c}`);
  if (texts.length === 0) return '![原資料で失われた図（説明なし）]()';
  if (texts.length === 1) return `![${clean(texts[0])}]()`;
  return `![${clean(texts.slice(1).join(' '))}](<> "${texts[0].replace(/"/g, '\\"')}")`;
}

/**
 * A table printed inside a cell as a Markdown table, its first row the header. A cell of several paragraphs spreads
 * over as many rows, the other cells of those rows empty (a Markdown cell holds one paragraph).
 */
export function tableMarkdown(table: TableCells): string {
  const width = Math.max(...table.map((row) => row.length));
  const rows = table.flatMap((row) => {
    const depth = Math.max(1, ...row.map((cell) => cell.filter((p) => p.trim()).length));
    return Array.from({ length: depth }, (_, r) => Array.from({ length: width }, (_, c) => row[c]?.filter((p) => p.trim())[r] ?? ''));
  });
  const line = (cells: readonly string[]) => `|${cells.map((c) => (c.trim() ? ` ${c.trim().replace(/\s+/g, ' ').replace(/[|\\]/g, '\\$&')} ` : ' ')).join('|')}|`;
  return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
}

function render(blocks: readonly Block[]): string {
  const out: string[] = [];
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    if (b.kind === 'text') {
      if (i > 0) out.push('');
      out.push(b.text);
      return;
    }
    const marker = b.kind === 'bullet' ? '- ' : '';
    const indent = b.kind === 'bullet' ? '  ' : ' '.repeat(b.text.indexOf(' ') + 1);
    const continuesList = prev && prev.kind === b.kind && !('notes' in prev && prev.notes.length);
    if (i > 0 && !continuesList) out.push('');
    out.push(`${marker}${b.text}`);
    for (const note of b.notes) out.push('', `${indent}${note}`);
  });
  return out.join('\n');
}
