import { readFileSync } from 'node:fs';
import { imageSize } from 'image-size';
import type { Block, FigureNode, Inline } from '../../doc-tree/types.js';
import { figurePlaceholderText } from '../figure-text.js';
import type { BlockContext } from './block-context.js';
import { imageSlot } from './document-parts.js';
import { chartDrawingXml, imageDrawingXml } from './drawing-xml.js';
import { inlinesToXml } from './inlines.js';
import { paragraphXml } from './paragraph-xml.js';
import { tableToXml } from './tables.js';
import { mmToTwips, styleIdForClass, textWidthTwips } from './style-map.js';

export function withLang(inlines: readonly Inline[], lang: string | undefined): readonly Inline[] {
  return lang ? [{ type: 'span', lang, children: [...inlines] }] : inlines;
}

/** The context of a document's top-level blocks. */
export function bodyContext(options: Pick<BlockContext, 'map' | 'resolveFigure'> & { charts?: BlockContext['charts'] }) {
  return { map: options.map, width: textWidthTwips(options.map), paragraphStyle: options.map.baseStyle.id, listLevel: 0, resolveFigure: options.resolveFigure, charts: options.charts ?? {} };
}

/** DocTree blocks → the XML of Word paragraphs and tables (the body of word/document.xml). */
export function blocksToXml(blocks: readonly Block[], context: BlockContext): string {
  let xml = '';
  for (const [index, block] of blocks.entries()) xml += blockToXml(blocks, index, block, context);
  return xml;
}

function blockToXml(blocks: readonly Block[], index: number, block: Block, context: BlockContext): string {
  const style = (className: string | undefined) => styleIdForClass(context.map, className) ?? context.paragraphStyle;
  switch (block.type) {
    case 'heading':
      return paragraphXml({ style: style(block.className) }, inlinesToXml(withLang(block.children, context.lang), context.parts));
    case 'paragraph':
      return paragraphXml(
        { style: style(block.className), keepNext: introducesTable(blocks, index) },
        inlinesToXml(withLang(block.children, block.lang ?? context.lang), context.parts),
      );
    case 'list':
      return listToXml(block, context);
    case 'table':
      return tableToXml(block, context, blocksToXml);
    case 'figure':
      return figureToXml(block, context);
    case 'section':
      return blocksToXml(block.children, {
        ...context,
        indentTwips: (context.indentTwips ?? 0) + mmToTwips(context.map.paragraphStyles[block.className ?? '']?.indentMm ?? 0),
        ...((block.lang ?? context.lang) && { lang: block.lang ?? context.lang }),
        paragraphStyle: style(block.className),
      });
    case 'rule':
      return paragraphXml({ style: context.paragraphStyle, bottomRule: true });
    case 'page-break':
      return paragraphXml({ pageBreakBefore: true });
  }
}

/**
 * A paragraph followed by a table (directly or through a heading, as an agenda item before its incident tables)
 * introduces it: it is kept on the page where the table starts (keep with next).
 */
export function introducesTable(blocks: readonly Block[], index: number): boolean {
  const next = blocks[index + 1];
  if (next?.type === 'heading') return blocks[index + 2]?.type === 'table';
  return next?.type === 'table';
}

function listToXml(block: Extract<Block, { type: 'list' }>, context: BlockContext): string {
  const numbering = context.parts.numbering;
  const reference = numbering.referenceFor(block.ordered, block.start ?? 1);
  const instance = numbering.nextInstance();
  const level = Math.min(context.listLevel, 4);
  const numberingIndent = numbering.indentFor(level);
  const indent = { left: numberingIndent.left + (context.indentTwips ?? 0), hanging: numberingIndent.hanging };
  const listStyle = context.map.paragraphStyles['list-paragraph'].id;
  const numbered = () => ({ numId: numbering.numId(reference, instance), level });
  let xml = '';
  for (const item of block.items) {
    let first = true;
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        const style = styleIdForClass(context.map, child.className) ?? listStyle;
        const properties = first ? { style, numbering: numbered(), ...(context.indentTwips && { indent }) } : { style, indent: { left: indent.left } };
        xml += paragraphXml(properties, inlinesToXml(withLang(child.children, child.lang ?? context.lang), context.parts));
      } else {
        xml += blocksToXml([child], {
          ...context,
          listLevel: child.type === 'list' ? context.listLevel + 1 : context.listLevel,
          width: context.width - indent.left,
        });
      }
      first = false;
    }
    if (first) xml += paragraphXml({ style: listStyle, numbering: numbered() });
  }
  return xml;
}

const TWIPS_PER_PIXEL = 15;

/**
 * A figure's image file as Word places it: its type, and its size in pixels, scaled down to the width available
 * (twips). The alt text is the description alone: LibreOffice joins a title and a description into the PDF's /Alt.
 */
export function readFigureImage(file: string, availableTwips: number, alt: string) {
  const data = readFileSync(file);
  const size = imageSize(data);
  const type = size.type === 'jpg' ? 'jpg' : size.type === 'gif' ? 'gif' : size.type === 'bmp' ? 'bmp' : 'png';
  const maxWidth = Math.floor(availableTwips / TWIPS_PER_PIXEL) - 8;
  const naturalWidth = size.width ?? maxWidth;
  const naturalHeight = size.height ?? maxWidth;
  const scale = Math.min(1, maxWidth / naturalWidth);
  return { data, type, width: Math.round(naturalWidth * scale), height: Math.round(naturalHeight * scale), name: alt.slice(0, 60) || 'figure', description: alt } as const;
}

function figureToXml(figure: FigureNode, context: BlockContext): string {
  const captionStyle = context.map.paragraphStyles['figure-caption'].id;
  const figureStyle = context.map.paragraphStyles.figure.id;
  const chart = figure.src ? context.charts[figure.src] : undefined;
  if (chart) {
    const drawing = chartDrawingXml(context.parts, chart, figure.alt);
    return paragraphXml({ style: figureStyle }, drawing) + caption(figure, captionStyle, context);
  }
  const file = figure.src ? context.resolveFigure(figure.src) : undefined;
  if (!file) {
    const placeholder = paragraphXml({ style: context.map.paragraphStyles['figure-placeholder'].id }, inlinesToXml([{ type: 'text', text: figurePlaceholderText(figure) }], context.parts));
    return placeholder + caption(figure, captionStyle, context);
  }
  const image = readFigureImage(file, context.width, figure.alt);
  const part = context.parts.image(image.data, image.type);
  const drawing = imageDrawingXml(context.parts.nextDrawingId(), imageSlot(part), image);
  return paragraphXml({ style: figureStyle }, drawing) + caption(figure, captionStyle, context);
}

function caption(figure: FigureNode, style: string, context: BlockContext): string {
  return figure.caption ? paragraphXml({ style }, inlinesToXml(figure.caption, context.parts)) : '';
}
