import { BorderStyle, ImageRun, Paragraph, type ParagraphChild } from 'docx';
import { ChartRun } from 'docx/charts';
import type { Block, FigureNode } from '../../../src/doc-tree/types.js';
import { introducesTable, readFigureImage, withLang } from '../../../src/write/docx/blocks.js';
import { figurePlaceholderText } from '../../../src/write/figure-text.js';
import type { BlockContext, DocxBlock } from './block-context.js';
import { inlinesToRuns } from './inlines.js';
import { styleIdForClass } from '../../../src/write/docx/style-map.js';
import { tableToDocx } from './tables.js';
import { mmToTwips } from '../../../src/write/docx/style-map.js';

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
  const image = readFigureImage(file, context.width, figure.alt);
  return [
    new Paragraph({
      style: context.map.paragraphStyles.figure.id,
      children: [new ImageRun({ type: image.type, data: image.data, transformation: { width: image.width, height: image.height }, altText: { name: image.name, description: image.description } })],
    }),
    ...caption,
  ];
}
