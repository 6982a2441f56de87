import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocTree, TableRowNode } from '../../src/doc-tree/types.js';
import { loadStyleMap } from '../../src/write/docx/read-style-map.js';
import { writeDocx } from '../../src/write/docx/write-docx.js';
import { buildBundledData, repoRoot } from '../support/build-bundled.js';
import { docxPart } from '../support/extract-text.js';

const styleMap = loadStyleMap(path.join(repoRoot, 'templates'));
const text = (t: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: t }] }];
const headerRow: TableRowNode = {
  cells: ['番号', '時刻'].map((t) => ({ header: true, scope: 'col' as const, colSpan: 1, rowSpan: 1, children: text(t) })),
};
const bodyRow = (n: number): TableRowNode => ({ cells: [String(n), '12:00'].map((t) => ({ header: false, colSpan: 1, rowSpan: 1, children: text(t) })) });

const tree: DocTree = {
  title: 'テスト',
  lang: 'ja',
  blocks: [
    { type: 'paragraph', className: 'agenda-text', children: [{ type: 'text', text: '（1）事故の概要は以下のとおり。' }] },
    { type: 'table', className: 'contact-table', rows: [headerRow, bodyRow(1), bodyRow(2)] },
    { type: 'paragraph', children: [{ type: 'text', text: '以上' }] },
  ],
};

async function documentXml(): Promise<{ document: string; app: string }> {
  const bytes = await writeDocx(tree, { styleMap, resolveFigure: () => undefined, properties: { title: 'テスト', subject: 's', creator: 'c', date: '2025-06-12' } });
  return { document: docxPart(bytes, 'word/document.xml'), app: docxPart(bytes, 'docProps/app.xml') };
}

describe('Word pagination', () => {
  it('keeps a paragraph with the table it introduces, and only that one', async () => {
    const { document } = await documentXml();
    const paragraphs = document.split('</w:p>');
    const intro = paragraphs.find((p) => p.includes('事故の概要は以下のとおり'))!;
    const closing = paragraphs.find((p) => p.includes('以上'))!;
    expect(intro).toContain('<w:keepNext/>');
    expect(closing).not.toContain('<w:keepNext/>');
  });

  it('repeats the column header row on every page and never splits it', async () => {
    const { document } = await documentXml();
    const rows = document.split('<w:tr>').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/<w:trPr>(?=[^]*<w:cantSplit\/>)(?=[^]*<w:tblHeader\/>)/);
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    // The header cells use the style LibreOffice tags as TH in a tagged PDF.
    expect(rows[0]).toContain('<w:pStyle w:val="TableLabel"/>');
  });

  it('names the application and counts the paragraphs and characters in docProps/app.xml', async () => {
    const { app } = await documentXml();
    expect(app).toContain('<Application>minutes (電気通信事故検証会議 議事要旨)</Application>');
    // Paragraphs: the introduction, six cells, 以上.
    expect(app).toContain('<Paragraphs>8</Paragraphs>');
    const characters = '（1）事故の概要は以下のとおり。番号時刻112:00212:00以上'.length;
    expect(app).toContain(`<Characters>${characters}</Characters>`);
  });

  it('marks the table-label style as a table heading, and every row of the summary table above 発生原因 unsplittable', async () => {
    const styles = docxPart(new Uint8Array(await readFile(path.join((await buildBundledData(['docx'])).outDir, 'fy2025-01.docx'))), 'word/styles.xml');
    expect(styles).toMatch(/w:styleId="TableLabel"><w:name w:val="Table Heading"\/>/);
    const { outDir } = await buildBundledData(['docx']);
    const document = docxPart(new Uint8Array(await readFile(path.join(outDir, 'fy2024-08.docx'))), 'word/document.xml');
    const summaryTables = document.split('<w:tbl>').slice(1).filter((table) => table.includes('事業者名'));
    expect(summaryTables.length).toBeGreaterThanOrEqual(2);
    for (const table of summaryTables) {
      const rows = table.split('<w:tr>').slice(1);
      const fourColumn = rows.filter((row) => row.includes('影響利用者数') || row.includes('事業者名') || row.includes('影響地域'));
      expect(fourColumn.length).toBe(3);
      for (const row of fourColumn) expect(row).toContain('<w:cantSplit/>');
    }
  });
});
