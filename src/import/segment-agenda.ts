import { joinParagraphs } from './join-paragraphs.js';
import type { ImportNote, SourceLine } from './source-lines.js';
import { parseJapaneseNumber } from './width.js';

export interface IncidentBlock {
  /** ア, イ or ①, ② before a heading line, when the item has several incidents. */
  marker?: string;
  heading?: string;
  /** The operators named by the caption this tool prints above the table (事故の概要：A、B（…発生）), in order. */
  captionOperators?: string[];
  lines: SourceLine[];
}

export interface AgendaBlock {
  line: number;
  text: string;
  incidents: IncidentBlock[];
}

export interface AgendaSegments {
  items: AgendaBlock[];
  closingRemark?: { text: string; line: number };
  notes: ImportNote[];
  /** Table captions this tool prints above each table (事故の概要：…（…発生）), dropped: they are derived. */
  tableCaptions: number;
}

const ITEM = /^\s*[（(]\s*([0-9０-９]{1,2})\s*[）)]\s*/;
const TABLE_START = /^\s*事\s*業\s*者\s*名/;
const SUB_HEADING = /^\s*([ア-ン]|[①-⑳])\s*(\S.*)$/;
const CLOSING = /^\s*議事\s*[（(]\s*[0-9０-９]/;
const END = /^\s*以\s*上\s*$/;
const CAPTION_START = /^\s*事故の概要\s*[：:]/;
const CAPTION_END = /発\s*生\s*[）)]\s*$/;

/**
 * Splits the 議事 part into its numbered items, the incident tables under each (with their ア／① headings), the
 * closing remark and the final 以上. An item starts with the next number in sequence, （３）, and its first lines say
 * that something was explained (説明); a numbered line inside a table's text does neither.
 */
export function segmentAgenda(lines: readonly SourceLine[], start: number): AgendaSegments {
  const notes: ImportNote[] = [];
  const items: AgendaBlock[] = [];
  let itemLines: SourceLine[] = [];
  let incident: IncidentBlock | undefined;
  let closing: SourceLine[] | undefined;
  let ended = false;
  let tableCaptions = 0;
  let captionOperators: string[] | undefined;
  const finishItemText = () => {
    const item = items.at(-1);
    if (item && itemLines.length) {
      const paragraphs = joinParagraphs(itemLines);
      item.text = normalizeDateSpacing(paragraphs.map((p) => p.text).join(''));
      if (paragraphs.length > 1) {
        notes.push({ line: itemLines[0].line, ja: '議事の本文が複数の段落に分かれていました。一つの段落につなげています。', en: 'The agenda item text had several paragraphs; they were joined into one.', actual: paragraphs.map((p) => p.text).join(' / ') });
      }
    }
    itemLines = [];
  };
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    if (ended) {
      notes.push({ line: l.line, ja: '「以上」の後の行です。書き出していません。', en: 'A line after 以上; it was not written.', actual: l.text.trim() });
      continue;
    }
    if (END.test(l.text)) {
      finishItemText();
      ended = true;
      continue;
    }
    const caption = captionLength(lines, i);
    if (caption) {
      tableCaptions++;
      captionOperators = operatorsOfCaption(lines.slice(i, i + caption));
      i += caption - 1;
      continue;
    }
    if (isItemStart(lines, i, items.length + 1)) {
      finishItemText();
      incident = undefined;
      items.push({ line: l.line, text: '', incidents: [] });
      itemLines = [{ ...l, text: l.text.replace(ITEM, '') }];
      continue;
    }
    if (closing) {
      closing.push(l);
      continue;
    }
    if (items.length && CLOSING.test(l.text)) {
      finishItemText();
      incident = undefined;
      closing = [l];
      continue;
    }
    const sub = SUB_HEADING.exec(l.text);
    if (items.length && sub && TABLE_START.test(nextText(lines, i))) {
      finishItemText();
      incident = { marker: sub[1], heading: sub[2].trim(), lines: [] };
      items.at(-1)!.incidents.push(incident);
      continue;
    }
    if (items.length && TABLE_START.test(l.text) && (!incident || incident.lines.length > 0)) {
      finishItemText();
      incident = { lines: [] };
      items.at(-1)!.incidents.push(incident);
    }
    if (incident && captionOperators) {
      incident.captionOperators = captionOperators;
      captionOperators = undefined;
    }
    if (incident) incident.lines.push(l);
    else if (items.length) itemLines.push(l);
    else notes.push({ line: l.line, ja: '議事の番号（（１）など）より前の行です。書き出していません。', en: 'A line before the first numbered agenda item; it was not written.', actual: l.text.trim() });
  }
  finishItemText();
  if (!ended) notes.push({ line: lines.at(-1)?.line ?? 1, ja: '末尾の「以上」がありません。文書が途中で切れていないか確かめてください。', en: 'The closing 以上 is missing; check that the document is complete.' });
  const closingRemark = closing && { text: joinParagraphs(closing).map((p) => p.text).join('\n\n'), line: closing[0].line };
  return { items, closingRemark, notes, tableCaptions };
}

function isItemStart(lines: readonly SourceLine[], i: number, expected: number): boolean {
  const m = ITEM.exec(lines[i].text);
  if (!m || parseJapaneseNumber(m[1]) !== expected) return false;
  const window = lines.slice(i, i + 5).map((l) => l.text.trim()).join('');
  return /説明/.test(window);
}

/**
 * Lines of the caption this tool prints above a table (事故の概要：株式会社kubell（令和7年4月26日7時41分発生）,
 * wrapped over up to five lines) starting at line i, directly followed by the table; 0 when there is none.
 */
function captionLength(lines: readonly SourceLine[], i: number): number {
  if (!CAPTION_START.test(lines[i].text)) return 0;
  for (let n = 1; n <= 5 && i + n <= lines.length; n++) {
    if (CAPTION_END.test(lines.slice(i, i + n).map((l) => l.text.trim()).join(''))) return TABLE_START.test(lines[i + n]?.text ?? '') ? n : 0;
  }
  return 0;
}

/** 事故の概要：日本マイクロソフト株式会社、マイクロソフト・アイルランド…（令和4年12月2日8時55分発生） → the two names. */
function operatorsOfCaption(lines: readonly SourceLine[]): string[] | undefined {
  const m = /事故の概要\s*[：:]\s*(.+)[（(][^（(]*発\s*生\s*[）)]$/.exec(lines.map((l) => l.text.trim()).join(''));
  return m ? m[1].split('、').map((name) => name.trim()) : undefined;
}

/** The next line's text, past a table caption. */
function nextText(lines: readonly SourceLine[], i: number): string {
  return lines[i + 1 + captionLength(lines, i + 1)]?.text ?? '';
}

/** 令和 5年 10 月 → 令和5年10月: spaces the extraction put around the digits of a date. */
export function normalizeDateSpacing(text: string): string {
  return text
    .replace(/(令和|平成|昭和)\s+(?=[0-9０-９元])/g, '$1')
    .replace(/([0-9０-９])\s+(?=[年月日時分])/g, '$1')
    .replace(/([年月])\s+(?=[0-9０-９])/g, '$1');
}
