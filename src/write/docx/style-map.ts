import { z } from 'zod';

const length = z.number().finite();
const paragraphStyle = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    font: z.string().optional(),
    sizePt: length.positive().optional(),
    align: z.enum(['left', 'center', 'right']).optional(),
    spaceBeforePt: length.nonnegative().optional(),
    spaceAfterPt: length.nonnegative().optional(),
    indentMm: length.optional(),
    hangingMm: length.optional(),
    outlineLevel: z.number().int().min(0).max(8).optional(),
    keepNext: z.boolean().optional(),
    border: z.boolean().optional(),
  })
  .strict();

/** templates/style-map.json: checked like a data file, since the web team and the secretariat edit it. */
export const styleMapSchema = z
  .object({
    $comment: z.string().optional(),
    page: z
      .object({
        size: z.literal('A4').optional(),
        marginTopMm: length.nonnegative(),
        marginBottomMm: length.nonnegative(),
        marginLeftMm: length.nonnegative(),
        marginRightMm: length.nonnegative(),
        pageNumber: z.string().includes('{n}'),
      })
      .strict(),
    fonts: z.record(z.object({ eastAsia: z.string().min(1), ascii: z.string().min(1), fallback: z.string().min(1) }).strict()),
    baseStyle: paragraphStyle.extend({ font: z.string().min(1), sizePt: length.positive(), lineSpacing: length.positive() }),
    paragraphStyles: z.record(paragraphStyle),
    tables: z.record(
      z.object({ columnWidths: z.array(length.positive()).optional(), labelShading: z.string().regex(/^[0-9A-Fa-f]{6}$/), borderColor: z.string().regex(/^[0-9A-Fa-f]{6}$/) }).strict(),
    ),
    lists: z.object({ bullet: z.string().min(1), indentMm: length.nonnegative(), hangingMm: length.nonnegative() }).strict(),
    /** Classes of table rows (`<tr class>`): `keepTogether` keeps the row on one page (Word's cantSplit). */
    rowStyles: z.record(z.object({ keepTogether: z.boolean().optional() }).strict()).optional(),
    /**
     * Classes of table cells (`<td class>`, `<th class>`): `verticalText` writes the cell top to bottom (tbRl), or one
     * character per line where its rows may not fit on a page (tables.ts).
     */
    cellStyles: z.record(z.object({ verticalText: z.boolean().optional() }).strict()).optional(),
    /**
     * Classes that deliberately have no Word style, each with the reason: in Word their content keeps the style around
     * it (本文 at the top level). Any other class a Word template uses must have a style (check-template-classes.ts).
     */
    noWordStyle: z.record(z.string().min(1)).optional(),
  })
  .strict();

export type ParagraphStyleSpec = z.infer<typeof paragraphStyle>;
export type StyleMap = z.infer<typeof styleMapSchema>;

/** The class names of a `class` attribute. */
export const classNames = (className: string | undefined): string[] => className?.split(/\s+/).filter(Boolean) ?? [];

export const mmToTwips = (mm: number): number => Math.round(mm * 56.6929);
export const A4 = { widthMm: 210, heightMm: 297 } as const;

export function textWidthTwips(map: StyleMap): number {
  return mmToTwips(A4.widthMm - map.page.marginLeftMm - map.page.marginRightMm);
}

/** The style id for a markup class, if the map names one. */
export function styleIdForClass(map: StyleMap, className: string | undefined): string | undefined {
  if (!className) return undefined;
  for (const name of className.split(/\s+/)) {
    const spec = map.paragraphStyles[name];
    if (spec) return spec.id;
  }
  return undefined;
}
