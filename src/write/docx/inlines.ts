import type { Inline } from '../../doc-tree/types.js';
import type { DocumentParts } from './document-parts.js';
import { escapeXml } from './xml-text.js';

export interface RunFormat {
  bold?: boolean;
  italics?: boolean;
  lang?: string;
  code?: boolean;
  link?: boolean;
}

/** DocTree inlines → the XML of Word runs (w:r, w:hyperlink). Text is always literal: Word never interprets it. */
export function inlinesToXml(inlines: readonly Inline[], parts: DocumentParts, format: RunFormat = {}): string {
  let xml = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        xml += textRun(inline.text, format);
        break;
      case 'strong':
        xml += inlinesToXml(inline.children, parts, { ...format, bold: true });
        break;
      case 'em':
        xml += inlinesToXml(inline.children, parts, { ...format, italics: true });
        break;
      case 'code':
        xml += textRun(inline.text, { ...format, code: true });
        break;
      case 'break':
        xml += '<w:r><w:br/></w:r>';
        break;
      case 'span':
        xml += inlinesToXml(inline.children, parts, { ...format, ...(inline.lang && { lang: inline.lang }) });
        break;
      case 'link': {
        // The relationship is taken before the runs inside, as the docx package numbers them (a link in a link).
        const open = `<w:hyperlink w:history="1" r:id="${parts.link(inline.href)}"`;
        const runs = inlinesToXml(inline.children, parts, { ...format, link: true });
        xml += runs ? `${open}>${runs}</w:hyperlink>` : `${open}/>`;
        break;
      }
      default: {
        // Every inline type has a case: a new one fails to compile here.
        const unknown: never = inline;
        throw new Error(`Word writer: no handler for inline ${JSON.stringify(unknown)}`);
      }
    }
  }
  return xml;
}

/** One run of text; its properties in the order of the schema (rStyle, rFonts, b, bCs, i, iCs, lang). */
function textRun(text: string, format: RunFormat): string {
  const properties =
    (format.link ? '<w:rStyle w:val="Hyperlink"/>' : '') +
    (format.code ? '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas"/>' : '') +
    (format.bold ? '<w:b/><w:bCs/>' : '') +
    (format.italics ? '<w:i/><w:iCs/>' : '') +
    (format.lang ? `<w:lang w:val="${escapeXml(format.lang)}"/>` : '');
  return `<w:r>${properties && `<w:rPr>${properties}</w:rPr>`}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}
