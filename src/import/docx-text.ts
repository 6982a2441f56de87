import { strFromU8, unzipSync } from 'fflate';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(xml: string): string {
  return xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);
}

/** The text of one w:p: its runs, tabs and breaks. */
function paragraphText(xml: string): string {
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (m[1] !== undefined) out += decode(m[1]);
    else out += m[0] === '<w:tab/>' ? '\t' : '\n';
  }
  return out;
}

/**
 * The text of a .docx body, laid out as a PDF's text would be: one paragraph per line, a space-only line between
 * paragraphs, table cells one after another (a cell's paragraphs on their own lines).
 */
export function docxText(bytes: Uint8Array): string {
  const entry = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
  if (!entry) throw new Error('the .docx has no word/document.xml');
  const xml = strFromU8(entry);
  const lines: string[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    lines.push(paragraphText(m[0]), ' ');
  }
  return lines.join('\n');
}
