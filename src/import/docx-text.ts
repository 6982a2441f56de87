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
 * paragraphs, table cells one after another (a cell's paragraphs on their own lines). A table inside a table cell
 * (a device list, a notice) is written as a text extraction writes one: a line per row, its cells apart by tabs, a
 * cell of several paragraphs as <p>…</p>; one with merged cells stays paragraph by paragraph.
 */
export function docxText(bytes: Uint8Array): string {
  const parts = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/numbering.xml' });
  const entry = parts['word/document.xml'];
  if (!entry) throw new Error('the .docx has no word/document.xml');
  const xml = strFromU8(entry);
  const marker = listMarkers(parts['word/numbering.xml'] ? strFromU8(parts['word/numbering.xml']) : '');
  const lines: string[] = [];
  let depth = 0;
  let nested: { start: number; rows: string[][][] } | undefined;
  for (const m of xml.matchAll(/<w:tbl[ >]|<\/w:tbl>|<w:tr[ >]|<w:tc[ >]|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const tag = m[0];
    if (tag.startsWith('<w:tbl')) {
      depth++;
      if (depth === 2) nested = { start: m.index, rows: [] };
    } else if (tag === '</w:tbl>') {
      if (depth === 2 && nested) {
        const merged = /<w:gridSpan\b|<w:vMerge\b/.test(xml.slice(nested.start, m.index));
        if (merged) for (const p of nested.rows.flat(2)) lines.push(p, ' ');
        else lines.push(...nested.rows.map(tabRow), ' ');
        nested = undefined;
      }
      depth--;
    } else if (nested && tag.startsWith('<w:tr')) {
      nested.rows.push([]);
    } else if (nested && tag.startsWith('<w:tc')) {
      nested.rows.at(-1)?.push([]);
    } else if (tag.startsWith('<w:p')) {
      const text = marker(tag) + paragraphText(tag);
      if (nested) nested.rows.at(-1)?.at(-1)?.push(text);
      else lines.push(text, ' ');
    }
  }
  return lines.join('\n');
}

const escapeText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s+/g, ' ').trim();

/** One row of a table inside a cell: cells apart by tabs, a cell of several paragraphs as <p>…</p>. */
function tabRow(cells: readonly string[][]): string {
  return cells.map((paragraphs) => (paragraphs.length > 1 ? paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join(' ') : escapeText(paragraphs[0] ?? ''))).join('\t');
}

/**
 * The marker Word draws before a list paragraph, from word/numbering.xml: ・ for a bullet (the format's bullet,
 * whatever glyph the list uses), `N. ` for a decimal list counted per list and level; nothing for other paragraphs.
 */
function listMarkers(numbering: string): (paragraph: string) => string {
  const levels = new Map<string, { format: string; start: number }>();
  for (const a of numbering.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[\s\S]*?<\/w:abstractNum>/g)) {
    for (const l of a[0].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[\s\S]*?<\/w:lvl>/g)) {
      const format = /<w:numFmt w:val="([^"]+)"/.exec(l[0])?.[1] ?? '';
      levels.set(`${a[1]}/${l[1]}`, { format, start: Number(/<w:start w:val="(\d+)"/.exec(l[0])?.[1] ?? 1) });
    }
  }
  const abstractOf = new Map([...numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"/g)].map((m) => [m[1], m[2]]));
  const counters = new Map<string, number[]>();
  return (paragraph) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(paragraph)?.[1];
    const numId = numPr && /<w:numId w:val="(\d+)"/.exec(numPr)?.[1];
    if (!numId || numId === '0') return '';
    const ilvl = Number(/<w:ilvl w:val="(\d+)"/.exec(numPr)?.[1] ?? 0);
    const level = levels.get(`${abstractOf.get(numId)}/${ilvl}`);
    if (level?.format === 'bullet') return '・';
    if (level?.format !== 'decimal') return '';
    const counts = counters.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    counts.length = ilvl + 1;
    counters.set(numId, counts);
    return `${counts[ilvl]}. `;
  };
}
