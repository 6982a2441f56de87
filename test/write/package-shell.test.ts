import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocTree } from '../../src/doc-tree/types.js';
import { DocxPackageShell } from '../../src/write/docx/package-shell.js';
import { loadStyleMap } from '../../src/write/docx/read-style-map.js';
import { writeDocx, type DocxOptions } from '../../src/write/docx/write-docx.js';
import { repoRoot } from '../support/build-bundled.js';

const styleMap = loadStyleMap(path.join(repoRoot, 'templates'));
const paragraph = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] });

/** Documents that differ in every part that may vary: links (relationship ids), lists (numbering), a native chart. */
const documents: { tree: DocTree; charts?: DocxOptions['charts'] }[] = [
  { tree: { title: '一', lang: 'ja', blocks: [paragraph('本文一'), { type: 'list', ordered: true, items: [{ children: [paragraph('項目')] }] }] } },
  {
    tree: {
      title: '二',
      lang: 'ja',
      blocks: [{ type: 'paragraph', children: [{ type: 'link', href: 'https://www.soumu.go.jp/', children: [{ type: 'text', text: '総務省' }] }] }],
    },
  },
  {
    tree: { title: '三', lang: 'ja', blocks: [paragraph('図の前'), { type: 'figure', src: 'users', alt: '利用者数' }] },
    charts: { users: { title: '利用者数', categories: ['12:00', '13:00'], series: [{ name: '人数', values: [31000, 58990] }] } },
  },
];

const write = (doc: (typeof documents)[number], shell?: DocxPackageShell) =>
  writeDocx(doc.tree, {
    styleMap,
    shell,
    resolveFigure: () => undefined,
    charts: doc.charts,
    properties: { title: doc.tree.title, subject: 's', creator: 'c', date: '2025-06-12' },
  });

describe('the shared parts of a style map (package shell)', () => {
  it('give every document the bytes it has without a shell, whatever was written before it', async () => {
    const alone = await Promise.all(documents.map((doc) => write(doc)));
    const forward = new DocxPackageShell(styleMap);
    const backward = new DocxPackageShell(styleMap);
    const inOrder = [];
    for (const doc of documents) inOrder.push(await write(doc, forward));
    const reversed = [];
    for (const doc of [...documents].reverse()) reversed.unshift(await write(doc, backward));
    for (const [i, bytes] of alone.entries()) {
      expect(Buffer.from(inOrder[i]).equals(Buffer.from(bytes)), `document ${i + 1} after the others`).toBe(true);
      expect(Buffer.from(reversed[i]).equals(Buffer.from(bytes)), `document ${i + 1} in reverse order`).toBe(true);
    }
    // Written a second time by a warm shell, too.
    expect(Buffer.from(await write(documents[0], forward)).equals(Buffer.from(alone[0]))).toBe(true);
    // The chart's document has content types of its own; the others share theirs.
    const types = alone.map((bytes) => Buffer.from(unzipSync(bytes)['[Content_Types].xml']).toString());
    expect(types[0]).toBe(types[1]);
    expect(types[2]).not.toBe(types[0]);
    expect(unzipSync(alone[2])['word/charts/chart1.xml']).toBeDefined();
  });

  it('belongs to one style map', async () => {
    const other = new DocxPackageShell(loadStyleMap(path.join(repoRoot, 'templates')));
    await expect(write(documents[0], other)).rejects.toThrow(/another style map/);
  });
});
