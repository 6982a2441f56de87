import { readFileSync } from 'node:fs';
import { BorderStyle, ImageRun, Paragraph, type ParagraphChild } from 'docx';
import { ChartRun } from 'docx/charts';
import { imageSize } from 'image-size';
import type { Block, FigureNode, Inline } from '../../doc-tree/types.js';
import { figurePlaceholderText } from '../figure-text.js';
import type { BlockContext, DocxBlock } from './block-context.js';
import { inlinesToRuns } from './inlines.js';
import { styleIdForClass } from './styles.js';
import { tableToDocx } from './tables.js';
import { mmToTwips } from './style-map.js';

function withLang(inlines: readonly Inline[], lang: string | undefined): readonly Inline[] {
  return lang ? [{ type: 'span', lang, children: [...inlines] }] : inlines;
}

/** DocTree blocks → docx paragraphs and tables. */
export function blocksToDocx(blocks: readonly Block[], context: BlockContext): DocxBlock[] {
  return blocks.flatMap((block, index): DocxBlock[] => {
    switch (block.type) {
      case 'heading':
        return [
          new Paragraph({
            style: styleIdForClass(context.map, block.className) ?? context.paragraphStyle,
            children: inlinesToRuns(withLang(block.children, context.lang)),
          }),
        ];
      case 'paragraph':
        return [
          new Paragraph({
            style: styleIdForClass(context.map, block.className) ?? context.paragraphStyle,
            ...(introducesTable(blocks, index) && { keepNext: true }),
            children: inlinesToRuns(withLang(block.children, block.lang ?? context.lang)),
          }),
        ];
      case 'list':
        return listToDocx(block, context);
      case 'table':
        return tableToDocx(block, context, blocksToDocx);
      case 'figure':
        return figureToDocx(block, context);
      case 'section':
        return blocksToDocx(block.children, {
          ...context,
          indentTwips: (context.indentTwips ?? 0) + mmToTwips(context.map.paragraphStyles[block.className ?? '']?.indentMm ?? 0),
          ...((block.lang ?? context.lang) && { lang: block.lang ?? context.lang }),
          paragraphStyle: styleIdForClass(context.map, block.className) ?? context.paragraphStyle,
        });
      case 'rule':
        return [
          new Paragraph({
            style: context.paragraphStyle,
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } },
          }),
        ];
      case 'page-break':
        return [new Paragraph({ pageBreakBefore: true })];
    }
  });
}

/**
 * A paragraph followed by a table (directly or through a heading, as an agenda item before its incident tables)
 * introduces it: it is kept on the page where the table starts (keep with next).
 */
function introducesTable(blocks: readonly Block[], index: number): boolean {
  const next = blocks[index + 1];
  if (next?.type === 'heading') return blocks[index + 2]?.type === 'table';
  return next?.type === 'table';
}

function listToDocx(block: Extract<Block, { type: 'list' }>, context: BlockContext): DocxBlock[] {
  const reference = context.numbering.referenceFor(block.ordered, block.start ?? 1);
  const instance = context.numbering.nextInstance();
  const level = Math.min(context.listLevel, 4);
  const numberingIndent = context.numbering.indentFor(level);
  const indent = { left: numberingIndent.left + (context.indentTwips ?? 0), hanging: numberingIndent.hanging };
  const listStyle = context.map.paragraphStyles['list-paragraph'].id;
  return block.items.flatMap((item) => {
    const out: DocxBlock[] = [];
    let first = true;
    for (const child of item.children) {
      if (child.type === 'paragraph' && first) {
        out.push(
          new Paragraph({
            style: styleIdForClass(context.map, child.className) ?? listStyle,
            numbering: { reference, level, instance },
            ...(context.indentTwips && { indent }),
            children: inlinesToRuns(withLang(child.children, child.lang ?? context.lang)),
          }),
        );
      } else if (child.type === 'paragraph') {
        out.push(
          new Paragraph({
            style: styleIdForClass(context.map, child.className) ?? listStyle,
            indent: { left: indent.left },
            children: inlinesToRuns(withLang(child.children, child.lang ?? context.lang)),
          }),
        );
      } else {
        out.push(
          ...blocksToDocx([child], {
            ...context,
            listLevel: child.type === 'list' ? context.listLevel + 1 : context.listLevel,
            width: context.width - indent.left,
          }),
        );
      }
      first = false;
    }
    if (first) out.push(new Paragraph({ style: listStyle, numbering: { reference, level, instance } }));
    return out;
  });
}

const TWIPS_PER_PIXEL = 15;

function figureToDocx(figure: FigureNode, context: BlockContext): DocxBlock[] {
  const captionStyle = context.map.paragraphStyles['figure-caption'].id;
  const caption = figure.caption
    ? [new Paragraph({ style: captionStyle, children: inlinesToRuns(figure.caption) })]
    : [];
  const chart = figure.src ? context.charts[figure.src] : undefined;
  if (chart) {
    const run = new ChartRun({
      type: 'bar',
      title: chart.title,
      categories: chart.categories,
      series: chart.series.map((s) => ({ name: s.name, values: s.values })),
      legend: chart.series.length > 1 ? { position: 'bottom' } : false,
      altText: { name: chart.title.slice(0, 60), description: figure.alt },
    });
    return [new Paragraph({ style: context.map.paragraphStyles.figure.id, children: [run] }), ...caption];
  }
  const file = figure.src ? context.resolveFigure(figure.src) : undefined;
  if (!file) {
    const placeholder = new Paragraph({
      style: context.map.paragraphStyles['figure-placeholder'].id,
      children: [...inlinesToRuns([{ type: 'text', text: figurePlaceholderText(figure) }])] as ParagraphChild[],
    });
    return [placeholder, ...caption];
  }
  const data = readFileSync(file);
  const size = imageSize(data);
  const type = size.type === 'jpg' ? 'jpg' : size.type === 'gif' ? 'gif' : size.type === 'bmp' ? 'bmp' : 'png';
  const maxWidth = Math.floor(context.width / TWIPS_PER_PIXEL) - 8;
  const naturalWidth = size.width ?? maxWidth;
  const naturalHeight = size.height ?? maxWidth;
  const scale = Math.min(1, maxWidth / naturalWidth);
  return [
    new Paragraph({
      style: context.map.paragraphStyles.figure.id,
      children: [
        new ImageRun({
          type,
          data,
          transformation: { width: Math.round(naturalWidth * scale), height: Math.round(naturalHeight * scale) },
          // The alt text is the description alone: LibreOffice joins a title and a description into the PDF's /Alt.
          altText: { name: figure.alt.slice(0, 60) || 'figure', description: figure.alt },
        }),
      ],
    }),
    ...caption,
  ];
}
