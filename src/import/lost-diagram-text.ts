import { displayWidth } from './display-width.js';
import type { ImportNote, SourceLine } from './source-lines.js';

const STRUCTURAL = /^\s*(?:[＜【・･⁃-]|#|第\s*[0-9０-９]+\s*報)/;
const MIN_FRAGMENTS = 6;

/**
 * Finds the text of a diagram lost in extraction: a run of at least six short fragments (labels of boxes and arrows,
 * under half the width of the cell's lines; not a bullet, a heading or a 第N報 notice line), at most one longer line
 * between two of them. The run becomes one lost figure whose description is that text, in reading order, and is
 * noted: it stays where the extraction put it, which need not be where the diagram stood.
 */
export function gatherLostDiagramText(lines: readonly SourceLine[], notes: ImportNote[]): SourceLine[] {
  const max = Math.max(0, ...lines.filter((l) => !l.figure && !l.table).map((l) => displayWidth(l.text)));
  if (max < 30) return [...lines];
  const isFragment = (l: SourceLine) => !l.figure && !l.table && !STRUCTURAL.test(l.text) && displayWidth(l.text) < max * 0.5;
  const out: SourceLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isFragment(lines[i])) {
      out.push(lines[i]);
      i++;
      continue;
    }
    let end = i;
    let fragments = 0;
    let j = i;
    while (j < lines.length) {
      if (isFragment(lines[j])) {
        fragments++;
        end = j;
        j++;
      } else if (j + 1 < lines.length && isFragment(lines[j + 1]) && !lines[j].figure && !lines[j].table && !STRUCTURAL.test(lines[j].text) && !/。$/.test(lines[j].text.trim())) {
        j++;
      } else break;
    }
    const run = lines.slice(i, end + 1);
    // Paragraphs the extraction marked one by one (a pasted web page) are text, not the labels of a diagram.
    const marked = run.filter((l) => l.breakAfter).length;
    if (fragments >= MIN_FRAGMENTS && marked <= run.length / 2) {
      const description = run.map((l) => l.text.trim()).join(' ');
      out.push({ text: '', line: run[0].line, breakAfter: true, figure: [description] });
      notes.push({
        line: run[0].line,
        ja: `図か表の文字と思われる短い断片（${run.length}行、${run[0].line}〜${run.at(-1)!.line}行目）を、失われた図の説明としてこの位置に残しました。図の本来の位置を原本で確かめてください。`,
        en: `Short fragments that look like the text of a lost diagram or table (${run.length} lines, ${run[0].line}–${run.at(-1)!.line}) were kept here as the description of a lost figure; check where the diagram stood in the original.`,
        actual: description,
      });
      i = end + 1;
    } else {
      out.push(lines[i]);
      i++;
    }
  }
  return out;
}
