import { ExternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { Inline } from '../../../src/doc-tree/types.js';
import type { RunFormat } from '../../../src/write/docx/inlines.js';


/** DocTree inlines → docx runs. Text is always literal: Word never interprets it. */
export function inlinesToRuns(inlines: readonly Inline[], format: RunFormat = {}): ParagraphChild[] {
  return inlines.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case 'text':
        return [textRun(inline.text, format)];
      case 'strong':
        return inlinesToRuns(inline.children, { ...format, bold: true });
      case 'em':
        return inlinesToRuns(inline.children, { ...format, italics: true });
      case 'code':
        return [textRun(inline.text, { ...format, code: true })];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'span':
        return inlinesToRuns(inline.children, { ...format, ...(inline.lang && { lang: inline.lang }) });
      case 'link':
        return [
          new ExternalHyperlink({
            link: inline.href,
            children: inlinesToRuns(inline.children, { ...format, link: true }) as TextRun[],
          }),
        ];
    }
  });
}

function textRun(text: string, format: RunFormat): TextRun {
  return new TextRun({
    text,
    ...(format.bold && { bold: true }),
    ...(format.italics && { italics: true }),
    ...(format.code && { font: { ascii: 'Consolas', hAnsi: 'Consolas' } }),
    ...(format.lang && { language: { value: format.lang } }),
    ...(format.link && { style: 'Hyperlink' }),
  });
}
