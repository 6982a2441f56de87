import { AlignmentType, BorderStyle, LineRuleType, type IParagraphStylePropertiesOptions, type IStylesOptions } from 'docx';
import { mmToTwips, type ParagraphStyleSpec, type StyleMap } from './style-map.js';

const alignments = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function runFonts(map: StyleMap, font: string | undefined) {
  if (!font) return undefined;
  const spec = map.fonts[font];
  if (!spec) throw new Error(`style-map.json names an unknown font "${font}"`);
  return { ascii: spec.ascii, hAnsi: spec.ascii, eastAsia: spec.eastAsia, cs: spec.ascii };
}

function paragraphStyle(map: StyleMap, spec: ParagraphStyleSpec, basedOn: string | undefined) {
  const paragraph: IParagraphStylePropertiesOptions = {
    ...(spec.align && { alignment: alignments[spec.align] }),
    spacing: {
      ...(spec.spaceBeforePt !== undefined && { before: spec.spaceBeforePt * 20 }),
      ...(spec.spaceAfterPt !== undefined && { after: spec.spaceAfterPt * 20 }),
    },
    ...(spec.indentMm !== undefined && {
      indent: { left: mmToTwips(spec.indentMm), ...(spec.hangingMm && { hanging: mmToTwips(spec.hangingMm) }) },
    }),
    ...(spec.outlineLevel !== undefined && { outlineLevel: spec.outlineLevel }),
    ...(spec.keepNext && { keepNext: true }),
    ...(spec.border && {
      border: {
        top: { style: BorderStyle.DASHED, size: 4, color: '808080', space: 2 },
        bottom: { style: BorderStyle.DASHED, size: 4, color: '808080', space: 2 },
        left: { style: BorderStyle.DASHED, size: 4, color: '808080', space: 2 },
        right: { style: BorderStyle.DASHED, size: 4, color: '808080', space: 2 },
      },
    }),
  };
  return {
    id: spec.id,
    name: spec.name,
    ...(basedOn && { basedOn }),
    next: basedOn ?? spec.id,
    quickFormat: true,
    run: {
      ...(spec.font && { font: runFonts(map, spec.font) }),
      ...(spec.sizePt !== undefined && { size: Math.round(spec.sizePt * 2) }),
    },
    paragraph,
  };
}

/** The named styles of the document, built from the style map. Nothing in the body sets fonts or sizes directly. */
export function buildStyles(map: StyleMap): IStylesOptions {
  const base = map.baseStyle;
  return {
    default: {
      document: {
        // Latin script with no language of its own (x-none, as Word writes it), East Asian script in Japanese: Latin
        // words and digits then belong to the Japanese text, as in the HTML (lang="ja"), and only {lang=en} passages
        // are marked English. A Latin script language of ja-JP makes LibreOffice break Latin words and numbers
        // anywhere (`S` / `ervice Level Agreement`); en-US would mark every digit of 令和7年 as English in the PDF.
        run: { font: runFonts(map, base.font), size: Math.round(base.sizePt * 2), language: { value: 'x-none', eastAsia: 'ja-JP' } },
        // lineRule auto (a multiple of single spacing): LibreOffice reads a line without a rule as exact and cuts
        // inline figures and charts to one line's height.
        paragraph: { spacing: { line: Math.round(base.lineSpacing * 240), lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      paragraphStyle(map, base, undefined),
      ...Object.values(map.paragraphStyles).map((spec) => paragraphStyle(map, spec, base.id)),
    ],
    characterStyles: [
      { id: 'Hyperlink', name: 'Hyperlink', run: { color: '0645AD', underline: {} } },
    ],
  };
}
