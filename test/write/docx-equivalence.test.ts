/**
 * Our Word body writer (src/write/docx/: document.xml, numbering.xml, the document's relationships, the properties,
 * media and charts written as text) against the docx package's object model, which wrote them before issue 16 and
 * stays as the reference (test/support/docx-reference/): every part of every document, byte for byte, in the same
 * order. Documents: the bundled data, the variant fixtures, a synthetic archive of 60 meetings, hand-built trees
 * with every node type (images, charts, merged cells, nested lists and tables), and arbitrary trees and text.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeSyntheticArchive } from '../../bench/synthetic-archive.js';
import type { Block, DocTree, Inline, TableCellNode } from '../../src/doc-tree/types.js';
import { DocxPackageShell } from '../../src/write/docx/package-shell.js';
import { loadStyleMap } from '../../src/write/docx/read-style-map.js';
import { repoRoot } from '../support/build-bundled.js';
import { bothWriters, wordDocumentsOf, type WordDocument } from '../support/docx-equivalence.js';
import { propertyRuns } from '../support/property-runs.js';
import { writeDocxReference } from '../support/docx-reference/write-docx.js';
import { writeDocx } from '../../src/write/docx/write-docx.js';

const templatesDir = path.join(repoRoot, 'templates');
const styleMap = loadStyleMap(templatesDir);

/** The first place two texts differ, with some context: a failure names it instead of printing two whole parts. */
function firstDifference(ours: string, reference: string): string | undefined {
  if (ours === reference) return undefined;
  let at = 0;
  while (ours[at] === reference[at]) at++;
  return `at ${at}:\n  ours:      …${ours.slice(Math.max(0, at - 150), at + 150)}\n  reference: …${reference.slice(Math.max(0, at - 150), at + 150)}`;
}

async function expectEquivalent(documents: Pick<WordDocument, 'tree' | 'options'>[], label: (i: number) => string): Promise<void> {
  // One shell for all, as a build keeps one: its shared parts must not leak from one document into the next.
  const shell = new DocxPackageShell(styleMap);
  for (const [i, document] of documents.entries()) {
    const { ours, reference } = await bothWriters(document, shell);
    expect(ours.map(([name]) => name), `part order of ${label(i)}`).toEqual(reference.map(([name]) => name));
    for (const [j, [name, text]] of ours.entries()) expect(firstDifference(text, reference[j][1]), `${name} of ${label(i)}`).toBeUndefined();
  }
}

const text = (value: string): Inline => ({ type: 'text', text: value });
const paragraph = (value: string, extra: Partial<Extract<Block, { type: 'paragraph' }>> = {}): Block => ({ type: 'paragraph', ...extra, children: [text(value)] });
const cell = (children: Block[], extra: Partial<TableCellNode> = {}): TableCellNode => ({ header: false, colSpan: 1, rowSpan: 1, children, ...extra });

/** A PNG's first bytes with the given size (image-size reads the header; the writers embed the bytes as they are). */
function pngOfSize(width: number, height: number): Buffer {
  const header = Buffer.from('89504e470d0a1a0a0000000d49484452000000000000000008060000001f15c489', 'hex');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

/** Every node type and the writers' special cases, in one tree. */
function everyNode(): DocTree {
  return {
    title: 'すべての要素',
    lang: 'ja',
    blocks: [
      {
        type: 'paragraph',
        lang: 'en',
        children: [
          text('a<&>"\' b\u0001\u000b\uD83D\uDE00 \uD800'),
          { type: 'strong', children: [text('B'), { type: 'em', children: [text('BI'), { type: 'code', text: 'x  y' }] }] },
          { type: 'break' },
          { type: 'link', href: 'https://example.jp/?a=1&b="2"', children: [text('L'), { type: 'strong', children: [text('LB')] }] },
          { type: 'span', lang: 'ja', className: 'x', children: [text('日本語')] },
          text(''),
        ],
      },
      { type: 'heading', level: 2, className: 'section-heading', children: [text('見出し')] },
      paragraph('表の前'),
      {
        type: 'table',
        className: 'field-table',
        caption: [text('表題'), { type: 'link', href: 'https://example.jp/caption', children: [text('リンク')] }],
        rows: [
          { cells: [cell([paragraph('h1')], { header: true, scope: 'col' }), cell([paragraph('h2')], { header: true, scope: 'col', colSpan: 2 })] },
          {
            className: 'keep',
            cells: [
              cell([paragraph('情報周知')], { header: true, scope: 'row', rowSpan: 3, className: 'vertical' }),
              cell([]),
              cell([paragraph('x'), { type: 'list', ordered: false, items: [{ children: [paragraph('項目')] }] }], { rowSpan: 2 }),
            ],
          },
          { cells: [cell([{ type: 'table', rows: [{ cells: [cell([paragraph('入れ子')])] }] }])] },
          { cells: [cell([paragraph('a')], { colSpan: 2 })] },
          { cells: [] },
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [{ children: [paragraph('一'), paragraph('一の続き'), { type: 'list', ordered: false, items: [{ children: [paragraph('入れ子')] }, { children: [] }] }] }],
      },
      { type: 'list', ordered: true, start: 7, items: [] },
      { type: 'section', className: 'quote', lang: 'en', children: [paragraph('引用'), { type: 'list', ordered: true, items: [{ children: [paragraph('引用の項目')] }] }] },
      { type: 'rule' },
      { type: 'page-break' },
      { type: 'figure', alt: '失われた図', caption: [text('図の説明')] },
      { type: 'figure', src: 'wide.png', alt: '広い図'.repeat(30), caption: [text('縮小')] },
      { type: 'figure', src: 'small.png', alt: '' },
      { type: 'figure', src: 'wide.png', alt: '同じ図をもう一度' },
      { type: 'figure', src: 'users', alt: '利用者数のグラフ', caption: [text('グラフ')] },
      { type: 'figure', src: 'two', alt: '二系列' },
      paragraph(''),
      paragraph(' 前後の空白  '),
    ],
  };
}

describe('our Word body writer', () => {
  it('writes the parts the docx package writes, for every document of the bundled data and the variant fixtures', async () => {
    const folders = [path.join(repoRoot, 'data'), ...['incident-variants', 'meeting-no-incident', 'meeting-unknown-values'].map((v) => path.join(repoRoot, 'test/fixtures/variants', v, 'data'))];
    const documents: WordDocument[] = [];
    for (const folder of folders) documents.push(...(await wordDocumentsOf(repoRoot, folder, templatesDir, styleMap)));
    expect(documents.length).toBeGreaterThanOrEqual(9);
    await expectEquivalent(documents, (i) => documents[i].id);
  });

  it('writes the parts the docx package writes, for every document of a synthetic archive of 60 meetings', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-equivalence-'));
    await writeSyntheticArchive(path.join(repoRoot, 'data'), dir, 60);
    const documents = await wordDocumentsOf(dir, path.join(dir, 'data'), templatesDir, styleMap);
    expect(documents.length).toBeGreaterThanOrEqual(60);
    await expectEquivalent(documents, (i) => documents[i].id);
  }, 120_000);

  it('writes the parts the docx package writes for every node type, images and native charts included', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-equivalence-'));
    await writeFile(path.join(dir, 'wide.png'), pngOfSize(2400, 900));
    await writeFile(path.join(dir, 'small.png'), pngOfSize(40, 30));
    const charts = {
      users: { title: '影響利用者数の推移', categories: ['12:00', '13:00'], series: [{ name: '人数', values: [31000, 58990] }], unit: '人' },
      two: { title: '二系列<&>', categories: ['a', 'b', 'c'], series: [{ name: '一', values: [1, 2, 3] }, { name: '二', values: [3, 2, 1] }], unit: '件' },
    };
    const properties = { title: '題<名>', subject: '件名 & 副題', creator: '作成者', keywords: 'キーワード', description: '説明', date: '2025-06-12' };
    const resolveFigure = (src: string) => (src.endsWith('.png') ? path.join(dir, src) : undefined);
    await expectEquivalent(
      [
        { tree: everyNode(), options: { styleMap, resolveFigure, charts, properties } },
        { tree: { title: '空', lang: 'ja', blocks: [] }, options: { styleMap, resolveFigure, properties: { title: '空', subject: '', creator: '' } } },
      ],
      (i) => ['every node', 'an empty document'][i],
    );
  });

  it('writes the parts the docx package writes for arbitrary trees and text', async () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('&', '<', '"', "'", '\u0000', '\ud83d', '\ud83d\ude00', ' ', '\t', '\n', '\r'));
    // Inlines without links, and with links whose content has none: HTML has no link inside a link (the parser
    // closes the first), and the docx package writes one as an invalid w:externalHyperlink element.
    const inlines = fc.letrec<{ plain: Inline; inline: Inline }>((tie) => ({
      plain: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        anyText.map((value) => ({ type: 'text' as const, text: value })),
        anyText.map((value) => ({ type: 'code' as const, text: value })),
        fc.constant({ type: 'break' as const }),
        fc.array(tie('plain'), { maxLength: 3 }).map((children) => ({ type: 'strong' as const, children })),
        fc.array(tie('plain'), { maxLength: 3 }).map((children) => ({ type: 'em' as const, children })),
        fc.tuple(fc.constantFrom('en', 'ja', 'en-US'), fc.array(tie('plain'), { maxLength: 3 })).map(([lang, children]) => ({ type: 'span' as const, lang, children })),
      ),
      inline: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        tie('plain'),
        fc.tuple(anyText, fc.array(tie('plain'), { maxLength: 2 })).map(([href, children]) => ({ type: 'link' as const, href: `https://x.jp/${href}`, children })),
        fc.array(tie('inline'), { maxLength: 3 }).map((children) => ({ type: 'strong' as const, children })),
      ),
    }));
    const inline = inlines.inline;
    const classes = fc.constantFrom(undefined, 'section-heading', 'quote', 'unknown-class');
    const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
      block: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.tuple(classes, fc.constantFrom(undefined, 'en'), fc.array(inline, { maxLength: 4 })).map(([className, lang, children]) => ({ type: 'paragraph' as const, className, lang, children })),
        fc.array(inline, { maxLength: 3 }).map((children) => ({ type: 'heading' as const, level: 3 as const, children })),
        fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.array(fc.array(tie('block'), { maxLength: 3 }), { maxLength: 3 })).map(([ordered, start, items]) => ({
          type: 'list' as const,
          ordered,
          start,
          items: items.map((children) => ({ children })),
        })),
        fc
          .tuple(
            fc.constantFrom(undefined, 'field-table'),
            fc.array(
              fc.tuple(
                fc.constantFrom(undefined, 'keep'),
                fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(undefined, 'vertical'), fc.array(tie('block'), { maxLength: 2 })), { minLength: 1, maxLength: 3 }),
              ),
              { minLength: 1, maxLength: 3 },
            ),
          )
          .map(([className, rows]) => ({
            type: 'table' as const,
            className,
            rows: rows.map(([rowClass, cells]) => ({
              className: rowClass,
              cells: cells.map(([header, colSpan, rowSpan, cellClass, children]) => cell(children, { header, colSpan, rowSpan, className: cellClass, ...(header && { scope: 'col' as const }) })),
            })),
          })),
        fc.tuple(classes, fc.array(tie('block'), { maxLength: 3 })).map(([className, children]) => ({ type: 'section' as const, className, children })),
        fc.constant({ type: 'rule' as const }),
        fc.constant({ type: 'page-break' as const }),
        anyText.map((alt) => ({ type: 'figure' as const, alt })),
      ),
    })).block;
    const shell = new DocxPackageShell(styleMap);
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 5 }), anyText, async (blocks, title) => {
        const document = { tree: { title, lang: 'ja', blocks }, options: { styleMap, resolveFigure: () => undefined, properties: { title, subject: title, creator: 'c' } } };
        const written = await bothWriters(document, shell).catch((error: Error) => error);
        if (written instanceof Error) {
          // Refused by both (tables nested deeper than the page is wide): the reference's message, and ours too.
          expect(written.message).toMatch(/Must be a positive integer|tables nested too deeply/);
          await expect(writeDocx(document.tree, document.options)).rejects.toThrow(/tables nested too deeply/);
          await expect(writeDocxReference(document.tree, document.options)).rejects.toThrow(/Must be a positive integer/);
          return;
        }
        const { ours, reference } = written;
        expect(ours.map(([name]) => name)).toEqual(reference.map(([name]) => name));
        for (const [j, [name, text]] of ours.entries()) expect(firstDifference(text, reference[j][1]), name).toBeUndefined();
      }),
      propertyRuns(60),
    );
  }, 120_000);
});
