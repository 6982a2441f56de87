import { escapeXml } from './xml-text.js';

/** The paragraph properties the writers use, written in the order of the schema. */
export interface ParagraphProperties {
  style?: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  numbering?: { numId: number; level: number };
  bottomRule?: boolean;
  indent?: { left: number; hanging?: number };
}

/** A w:p with its properties and the XML of its runs. */
export function paragraphXml(properties: ParagraphProperties, runs = ''): string {
  const p = properties;
  const pPr =
    (p.style !== undefined ? `<w:pStyle w:val="${escapeXml(p.style)}"/>` : '') +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (p.numbering ? `<w:numPr><w:ilvl w:val="${p.numbering.level}"/><w:numId w:val="${p.numbering.numId}"/></w:numPr>` : '') +
    (p.bottomRule ? '<w:pBdr><w:bottom w:val="single" w:color="808080" w:sz="6" w:space="1"/></w:pBdr>' : '') +
    (p.indent ? `<w:ind w:left="${p.indent.left}"${p.indent.hanging !== undefined ? ` w:hanging="${p.indent.hanging}"` : ''}/>` : '');
  if (!pPr && !runs) return '<w:p/>';
  return `<w:p>${pPr && `<w:pPr>${pPr}</w:pPr>`}${runs}</w:p>`;
}
