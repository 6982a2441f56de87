import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ParagraphStyleSpec {
  id: string;
  name: string;
  font?: string;
  sizePt?: number;
  align?: 'left' | 'center' | 'right';
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  indentMm?: number;
  hangingMm?: number;
  outlineLevel?: number;
  keepNext?: boolean;
  border?: boolean;
}

export interface StyleMap {
  page: { marginTopMm: number; marginBottomMm: number; marginLeftMm: number; marginRightMm: number; pageNumber: string };
  fonts: Record<string, { eastAsia: string; ascii: string; fallback: string }>;
  baseStyle: ParagraphStyleSpec & { font: string; sizePt: number; lineSpacing: number };
  paragraphStyles: Record<string, ParagraphStyleSpec>;
  tables: Record<string, { columnWidths?: number[]; labelShading: string; borderColor: string }>;
  lists: { bullet: string; indentMm: number; hangingMm: number };
}

/** Reads templates/style-map.json: the one home of the Word look. */
export function loadStyleMap(templatesDir: string): StyleMap {
  return JSON.parse(readFileSync(path.join(templatesDir, 'style-map.json'), 'utf8')) as StyleMap;
}

export const mmToTwips = (mm: number): number => Math.round(mm * 56.6929);
export const A4 = { widthMm: 210, heightMm: 297 } as const;

export function textWidthTwips(map: StyleMap): number {
  return mmToTwips(A4.widthMm - map.page.marginLeftMm - map.page.marginRightMm);
}
