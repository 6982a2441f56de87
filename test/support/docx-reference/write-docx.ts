/**
 * The Word writer as it was before issue 16: the DocTree turned into the docx package's objects, formatted by the
 * docx package. Only tests use it, as the reference our own body writer (src/write/docx/write-docx.ts) must equal,
 * part by part (test/write/docx-equivalence.test.ts).
 */
import { Packer } from 'docx';
import type { DocTree } from '../../../src/doc-tree/types.js';
import { zipReproducibly } from '../../../src/write/docx/normalize-package.js';
import type { PackageParts } from '../../../src/write/docx/package-parts.js';
import { NumberingRegistry } from '../../../src/write/docx/numbering.js';
import { packageDocument } from '../../../src/write/docx/shell-template.js';
import { bodyContext } from '../../../src/write/docx/blocks.js';
import type { DocxOptions } from '../../../src/write/docx/write-docx.js';
import { blocksToDocx } from './blocks.js';
import { numberingOptions } from './numbering.js';

export async function writeDocxReference(tree: DocTree, options: Omit<DocxOptions, 'shell'>): Promise<Uint8Array> {
  const map = options.styleMap;
  const numbering = new NumberingRegistry(map);
  const children = blocksToDocx(tree.blocks, { ...bodyContext({ map, resolveFigure: options.resolveFigure, charts: options.charts }), numbering });
  const document = packageDocument(map, children, numberingOptions(numbering), {
    title: options.properties.title,
    subject: options.properties.subject,
    creator: options.properties.creator,
    lastModifiedBy: options.properties.creator,
    description: options.properties.description ?? options.properties.title,
    keywords: options.properties.keywords ?? '',
    revision: 1,
  });
  const compiler = (Packer as unknown as { compiler: { compile(file: unknown, prettify: undefined, overrides: []): PackageParts } }).compiler;
  return zipReproducibly(compiler.compile(document, undefined, []), options.properties.date ?? '1980-01-01');
}
