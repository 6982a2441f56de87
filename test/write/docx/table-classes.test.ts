import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocTree, TableRowNode } from '../../../src/doc-tree/types.js';
import { loadStyleMap } from '../../../src/write/docx/read-style-map.js';
import type { StyleMap } from '../../../src/write/docx/style-map.js';
import { writeDocx } from '../../../src/write/docx/write-docx.js';
import { repoRoot } from '../../support/build-bundled.js';
import { docxPart } from '../../support/extract-text.js';

const bundled = loadStyleMap(path.join(repoRoot, 'templates'));

const row = (rowClass: string | undefined, cellClass: string | undefined): TableRowNode => ({
  ...(rowClass && { className: rowClass }),
  cells: [{ header: true, colSpan: 1, rowSpan: 1, ...(cellClass && { className: cellClass }), children: [{ type: 'paragraph', children: [{ type: 'text', text: '情報周知' }] }] }],
});

/** The Word table of one row with the given classes, written with `map`. */
async function tableXml(map: StyleMap, rowClass: string | undefined, cellClass: string | undefined): Promise<string> {
  const tree: DocTree = { title: 't', lang: 'ja', blocks: [{ type: 'table', rows: [row(rowClass, cellClass)] }] };
  const bytes = await writeDocx(tree, { styleMap: map, resolveFigure: () => undefined, properties: { title: 't', subject: 's', creator: 'c', date: '2025-06-12' } });
  return /<w:tbl>[\s\S]*<\/w:tbl>/.exec(docxPart(bytes, 'word/document.xml'))![0];
}

describe('the Word table writer takes what a row or cell class does from the style map', () => {
  it('keeps a row on one page for a row class with keepTogether, and a cell upright for one with verticalText', async () => {
    const map: StyleMap = { ...bundled, rowStyles: { hold: { keepTogether: true } }, cellStyles: { tate: { verticalText: true } } };
    const xml = await tableXml(map, 'hold', 'tate');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('<w:textDirection w:val="tbRl"/>');
  });

  it('gives the class names keep and vertical no meaning of their own when the style map does not map them', async () => {
    const map: StyleMap = { ...bundled, rowStyles: {}, cellStyles: {} };
    const xml = await tableXml(map, 'keep', 'vertical');
    expect(xml).not.toContain('cantSplit');
    expect(xml).not.toContain('textDirection');
  });

  it('maps keep and vertical in the bundled style map', async () => {
    const xml = await tableXml(bundled, 'keep', 'vertical');
    expect(xml).toContain('<w:cantSplit/>');
    expect(xml).toContain('<w:textDirection w:val="tbRl"/>');
  });
});
