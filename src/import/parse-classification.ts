import type { Codes } from '../load/read-codes.js';
import { joinParagraphs } from './join-paragraphs.js';
import type { ImportNote, SourceLine } from './source-lines.js';

export interface Service {
  number?: number;
  name: string;
  note?: string;
}

export interface Classification {
  classHeading?: string;
  class: string;
  servicesHeading?: string;
  services?: Service[];
  note?: string;
}

const SUB_HEADING = /^＜[^＞]+＞$/;

/**
 * Reads the 区分 cell: an optional ＜…区分＞ heading, the class (its text recognised against data/codes, which tells
 * where a wrapped class ends and the services begin), an optional ＜…役務＞ heading, the services (`31 インター
 * ネット関連サービス（電子メール）`: number, name, note) and ※ notes.
 */
export function parseClassification(lines: readonly SourceLine[], codes: Codes, notes: ImportNote[]): Classification | undefined {
  const texts = lines.map((l) => ({ text: l.text.replace(/\s+/g, ' ').trim(), line: l.line })).filter((l) => l.text && !/^電\s*気\s*通\s*信\s*役\s*務\s*の\s*区\s*分$/.test(l.text));
  if (!texts.length) return undefined;
  const result: Partial<Classification> = {};
  if (SUB_HEADING.test(texts[0].text)) result.classHeading = texts.shift()!.text;
  const flat = texts.map((t) => t.text).join('\n');
  const classEnd = matchKnownClass(flat, codes);
  let rest: string;
  if (classEnd !== undefined) {
    result.class = flat.slice(0, classEnd).replace(/\n/g, '').trim();
    rest = flat.slice(classEnd);
  } else {
    // Not a class of data/codes: its first paragraph (wrapped lines joined) is taken as the class.
    const paragraphs = joinParagraphs(lines.filter((l) => l.line >= texts[0].line));
    const first = paragraphs[0]?.text.trim() ?? texts[0].text;
    result.class = first;
    const next = paragraphs[1]?.line;
    rest = next === undefined ? '' : texts.filter((t) => t.line >= next).map((t) => t.text).join('\n');
    notes.push({ line: texts[0]?.line ?? lines[0].line, ja: `区分「${first}」が data/codes の区分の表にありません。最初の段落を区分としました。`, en: `The class 「${first}」 is not in data/codes; its first paragraph was taken as the class.`, actual: first });
  }
  const services: Service[] = [];
  const noteLines: string[] = [];
  for (const raw of rest.split(/\n|(?<=サービス|役務)\s+(?=[0-9]{1,2}\s)/)) {
    const text = raw.trim();
    if (!text) continue;
    if (noteLines.length || text.startsWith('※')) noteLines.push(text);
    else if (SUB_HEADING.test(text) && services.length === 0) result.servicesHeading = text;
    else services.push(parseService(text, codes));
  }
  if (services.length) result.services = services;
  if (noteLines.length) result.note = noteLines.join('');
  return result as Classification;
}

/** `31 インターネット関連サービス（電子メール）`; a name listed in data/codes but spaced otherwise is written as listed. */
function parseService(text: string, codes: Codes): Service {
  const m = /^(?:([0-9]{1,2})\s+)?(.+?)(（[^（）]+）)?$/.exec(text)!;
  const squash = (t: string) => t.replace(/\s+/g, '');
  const listed = codes.services.services.find((s) => squash(s.name) === squash(m[2]));
  return { ...(m[1] ? { number: Number(m[1]) } : {}), name: listed?.name ?? m[2].trim(), ...(m[3] ? { note: m[3] } : {}) };
}

/** Where the class ends in the text (its numeral and its text as listed in any of data/codes' tables), if known. */
function matchKnownClass(text: string, codes: Codes): number | undefined {
  const numeral = /^([一二三四五六七八九十]+)\s*/.exec(text);
  if (!numeral) return undefined;
  let best: number | undefined;
  for (const table of codes.classes.tables) {
    for (const c of table.classes) {
      if (c.numeral !== numeral[1]) continue;
      const end = matchIgnoringSpace(text, numeral[0].length, c.text);
      if (end !== undefined && (best === undefined || end > best)) best = end;
    }
  }
  return best;
}

function matchIgnoringSpace(text: string, from: number, expected: string): number | undefined {
  const want = expected.replace(/\s+/g, '').normalize('NFKC');
  let i = from;
  for (const ch of want) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length || text[i].normalize('NFKC') !== ch) return undefined;
    i++;
  }
  return i;
}
