import type { ImportNote, SourceLine } from './source-lines.js';

/** A figure marker standing alone: 【図】, ［図2］, 【図1 構成】. It replaces the figure itself. */
const MARKER = /^\s*[【［\[]\s*図\s*[0-9０-９]*[^】］\]]*[】］\]]\s*$/;
/** A figure's caption: 図1 ネットワーク構成 (short, not a sentence). */
const FIGURE_CAPTION = /^\s*図\s*[0-9０-９]+(?:[-－.．][0-9０-９]+)?(?:\s|[：:]|$)/;
/** A heading a figure may stand under: 〇サービス構成図, ＜事故発生時の動作の流れ＞, 別紙1. */
const HEADING = /^\s*(?:[〇○◯]\s*\S.*|＜[^＜＞]+＞|別紙\s*[0-9０-９]*)\s*$/;
/** Input lines with no text after a heading that mark the empty region a lost image left (seed 004: 14 to 16). */
const EMPTY_REGION = 10;

/**
 * Figures lost in extraction that left no text, only where the text shows one stood: a 【図】 marker (the figure
 * itself), a 図N caption line, or a heading (〇…, ＜…＞, 別紙) with nothing under it, because an empty region of at
 * least ten lines follows it (several headings side by side share the region) or because the cell ends there. Each
 * becomes a placeholder described by its marker or heading, as data/ writes lost images, and is noted.
 */
export function markLostFigures(lines: readonly SourceLine[], notes: ImportNote[]): SourceLine[] {
  const out: SourceLine[] = [];
  const isText = (l: SourceLine | undefined) => l !== undefined && !l.figure && !l.table;
  const placeholder = (l: SourceLine, description: string, why: { ja: string; en: string }): SourceLine => {
    notes.push({
      line: l.line,
      ja: `ここにあった図が抽出で失われたとみて（${why.ja}）、「${description}」と説明した図の置き場所を書きました。原本で確かめてください。`,
      en: `A figure lost in extraction was taken to stand here (${why.en}); a placeholder described as 「${description}」 was written. Check against the original.`,
      actual: l.text.trim(),
    });
    return { text: '', line: l.line, breakAfter: true, figure: [description] };
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!isText(l)) {
      out.push(l);
      continue;
    }
    const text = l.text.trim();
    const next = lines[i + 1];
    if (MARKER.test(text)) {
      out.push(placeholder(l, text.replace(/^[【［[]\s*|\s*[】］\]]$/g, ''), { ja: '図の記号', en: 'a figure marker' }));
      continue;
    }
    out.push(l);
    if (next && !isText(next)) continue;
    if (FIGURE_CAPTION.test(text) && [...text].length <= 40 && !/。$/.test(text)) {
      out.push(placeholder(l, text, { ja: '図の見出し', en: 'a figure caption' }));
      continue;
    }
    if (!HEADING.test(text)) continue;
    // Headings printed side by side over one empty region: each stands over a figure of its own.
    let k = i;
    while (isText(lines[k + 1]) && HEADING.test(lines[k + 1].text.trim()) && lines[k + 1].line === lines[k].line + 1) k++;
    const after = lines[k + 1];
    const empty = after ? after.line - lines[k].line - 1 >= EMPTY_REGION : true;
    if (!empty) continue;
    const why = after ? { ja: `見出しの後に${after.line - lines[k].line - 1}行の空白`, en: `${after.line - lines[k].line - 1} empty lines after the heading` } : { ja: '見出しの下に何もないまま欄が終わる', en: 'the cell ends under the heading' };
    out.push(placeholder(l, headingText(text), why));
    for (let h = i + 1; h <= k; h++) out.push(lines[h], placeholder(lines[h], headingText(lines[h].text.trim()), why));
    i = k;
  }
  return out;
}

function headingText(text: string): string {
  return text.replace(/^[〇○◯]\s*/, '').replace(/^＜\s*|\s*＞$/g, '');
}
