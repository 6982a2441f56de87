import { unzipSync, strFromU8 } from 'fflate';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

function findElement(node: Node, tag: string): DefaultTreeAdapterMap['element'] | undefined {
  if ('tagName' in node && node.tagName === tag) return node;
  for (const child of 'childNodes' in node ? node.childNodes : []) {
    const found = findElement(child, tag);
    if (found) return found;
  }
  return undefined;
}

function collectText(node: Node, out: string[]): void {
  if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
  if ('childNodes' in node) for (const child of node.childNodes) collectText(child, out);
}

/** The text a reader sees in the page's <main>, in document order. */
export function htmlMainText(html: string): string {
  const main = findElement(parse(html), 'main');
  if (!main) throw new Error('page has no <main>');
  const out: string[] = [];
  collectText(main, out);
  return out.join('');
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Unzips a .docx and returns the raw XML of one part. */
export function docxPart(bytes: Uint8Array, part: string): string {
  const entries = unzipSync(bytes);
  const entry = entries[part];
  if (!entry) throw new Error(`the package has no ${part}`);
  return strFromU8(entry);
}

/** The text of word/document.xml (the w:t runs, in order), read from the unzipped package. */
export function docxBodyText(bytes: Uint8Array): string {
  const xml = docxPart(bytes, 'word/document.xml');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name]))
    .join('');
}

/** Width- and spacing-insensitive form for comparing texts: NFKC, no whitespace at all. */
export function normalizeForComparison(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The text of word/document.xml one paragraph a line (the w:t runs of each w:p). */
export function docxParagraphLines(bytes: Uint8Array): string {
  const xml = docxPart(bytes, 'word/document.xml');
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name])).join(''),
    )
    .join('\n');
}
