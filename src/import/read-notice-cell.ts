import type { FlowText } from './locate-labels.js';
import type { ImportNote, SourceLine } from './source-lines.js';

/** The labels of the 情報周知 rows; extraction may print their characters apart, interleaved, or between the text. */
const LABELS = ['情報周知', '自社サイト', 'その他'] as const;

/**
 * Splits the 情報周知 cell into its 自社サイト and その他 rows. The labels are read character by character from the
 * lines where they stand alone or start a line (`情` / `報` / `自社` / `サイ` / `ト` / `その` / `他`, `その他 －`),
 * in any interleaving of the three; the text before その他 is the site's, the rest the other row's.
 */
export function readNoticeCell(flow: FlowText, from: number, notes: ImportNote[]): { site: SourceLine[]; other: SourceLine[] } {
  const lines = flow.slice(from, flow.text.length);
  const consumed = LABELS.map(() => 0);
  const site: SourceLine[] = [];
  const other: SourceLine[] = [];
  for (const l of lines) {
    const rest = consumeLabels(l.text, consumed);
    const target = consumed[2] > 0 ? other : site;
    if (rest.trim() || l.figure || l.table) target.push({ ...l, text: rest });
  }
  if (consumed[0] < LABELS[0].length || consumed[1] < LABELS[1].length || consumed[2] < LABELS[2].length) {
    notes.push({
      line: flow.lineAt(from),
      ja: '情報周知の欄の見出し（自社サイト／その他）をすべては読み取れませんでした。欄の分け方を確かめてください。',
      en: 'Not all labels of the 情報周知 rows (自社サイト / その他) were found; check how the text was split between them.',
    });
  }
  return { site, other };
}

/**
 * Removes the label characters a line starts with, advancing `consumed` (per label) as it goes. A line counts as
 * label text only if it is wholly label characters, or if it completes a label before its own text.
 */
function consumeLabels(text: string, consumed: number[]): string {
  const trial = [...consumed];
  let i = 0;
  let completed = false;
  let lastChar = '';
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const k = LABELS.findIndex((label, n) => label[trial[n]] === ch && (n !== 2 || trial[1] > 0 || trial[0] === LABELS[0].length));
    if (k >= 0) {
      trial[k] += 1;
      if (trial[k] === LABELS[k].length) completed = true;
      lastChar = ch;
      i++;
      continue;
    }
    // 「情報 報 周 知」: a label character printed twice.
    if (ch === lastChar) {
      i++;
      continue;
    }
    break;
  }
  const rest = text.slice(i);
  if (rest.trim() === '' || (completed && /\s/.test(text[i - 1] ?? ''))) {
    trial.forEach((v, n) => (consumed[n] = v));
    return rest.replace(/^\s+/, '');
  }
  return text;
}
