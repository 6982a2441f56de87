import type { SourceLine } from './source-lines.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, name: string) => ENTITIES[name]);
}

/** Whether a line holds HTML that an extraction left in the text (<p>, <li>, <div data-bbox>, <hr/>). */
export function holdsHtml(text: string): boolean {
  return /<\/?(p|ul|ol|li|div|hr|br|b|a)(\s[^>]*)?\/?>/.test(text);
}

interface ListState {
  ordered: boolean;
  count: number;
}

/**
 * Turns one line of extracted HTML into plain lines: a paragraph per <p> (ending a paragraph), a `・` item per <li>
 * of a list and `1.` per <li> of a numbered list, `---` for <hr/>, and a lost figure for a <div data-bbox> (the text
 * the diagram held becomes its description). Text outside tags stays where it was.
 */
export function expandHtmlLine(source: SourceLine): SourceLine[] {
  const out: SourceLine[] = [];
  const lists: ListState[] = [];
  let text = '';
  let figure: string[] | undefined;
  const flush = (breakAfter: boolean) => {
    const t = decodeEntities(text).replace(/\s+/g, ' ').trim();
    text = '';
    if (!t) return;
    if (figure) {
      figure.push(t);
      return;
    }
    // A paragraph holding a ＜…＞ heading and ・ items (＜…＞ ・ 第一報…): the heading and each item on their own lines.
    const parts = t.replace(/^([<＜][^<>＜＞]+[>＞])\s+(?=\S)/, '$1\n').split(/\n|\s+(?=・\s)/);
    parts.forEach((part, i) => out.push({ text: part, line: source.line, breakAfter: i < parts.length - 1 || breakAfter }));
  };
  for (const m of source.text.matchAll(/<(\/?)([a-z]+)(\s[^>]*)?\/?>|[^<]+|</g)) {
    const [whole, closing, tag] = m;
    if (!tag) {
      text += whole;
      continue;
    }
    if (tag === 'b' || tag === 'strong') {
      text += '**';
      continue;
    }
    if (tag === 'a' || tag === 'span') continue;
    if (tag === 'li' && !closing) {
      flush(true);
      const list = lists.at(-1);
      if (list) list.count += 1;
      text = list?.ordered ? `${list.count}. ` : '・';
      if (lists.length > 1) text = `${'  '.repeat(lists.length - 1)}${text}`;
      continue;
    }
    flush(true);
    if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', count: 0 });
    } else if (tag === 'hr') {
      out.push({ text: '---', line: source.line, breakAfter: true });
    } else if (tag === 'div' && !closing && /data-bbox/.test(m[3] ?? '')) {
      figure = [];
    } else if (tag === 'div' && closing && figure) {
      out.push({ text: '', line: source.line, breakAfter: true, figure: figure });
      figure = undefined;
    }
  }
  flush(false);
  if (figure) out.push({ text: '', line: source.line, breakAfter: true, figure });
  return out;
}
