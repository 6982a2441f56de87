import { BLOCK_START, joinParagraphs } from './join-paragraphs.js';
import type { ImportNote, SourceLine } from './source-lines.js';

const LOST_GLYPH = /^ (?=[^\s])/;

/**
 * Restores bullets whose symbol-font glyph the extraction lost, leaving a single space where it stood. Only when a
 * cell shows it consistently: of its paragraphs that start without a marker, at least three and at least three in
 * four start with that lone space (a cell whose paragraphs merely happen to be indented shows no such pattern).
 * The restored bullets are noted with their lines.
 */
export function restoreLostBullets(lines: readonly SourceLine[], notes: ImportNote[]): SourceLine[] {
  const starts = new Set(joinParagraphs(lines).filter((p) => !p.figure && !p.table).map((p) => p.line));
  const candidates = lines.filter((l) => starts.has(l.line) && !l.figure && !l.table && !BLOCK_START.test(l.text.replace(LOST_GLYPH, '')));
  const spaced = candidates.filter((l) => LOST_GLYPH.test(l.text));
  if (spaced.length < 3 || spaced.length < candidates.length * 0.75) return [...lines];
  const restored = new Set(spaced);
  notes.push({
    line: spaced[0].line,
    ja: `記号フォントの箇条書きの「・」が抽出で失われたとみて、空白1つで始まる段落${spaced.length}個を箇条書きに戻しました（${spaced.map((l) => l.line).join('、')}行目）。原本で確かめてください。`,
    en: `${spaced.length} paragraphs starting with a lone space were read as bullets whose symbol-font glyph was lost (lines ${spaced.map((l) => l.line).join(', ')}); check against the original.`,
  });
  return lines.map((l) => (restored.has(l) ? { ...l, text: `・${l.text.trimStart()}` } : l));
}
