/** An attribute written in a template's start tag. */
export interface TemplateAttribute {
  name: string;
  /** Its value as written; undefined for a bare attribute. Handlebars expressions in it are `HANDLEBARS_MARK` runs. */
  value?: string;
  /** Offset of the name in the template text, and the length of the whole attribute as written. */
  offset: number;
  length: number;
  /** Offset of the value's first character (of the name for a bare attribute). */
  valueOffset: number;
}

/** A start tag written in a template, as the template's text holds it. */
export interface TemplateTag {
  /** The element name, lower-cased. */
  name: string;
  /** Offset of the `<` in the template text. */
  offset: number;
  attributes: TemplateAttribute[];
}

/** What a Handlebars expression inside an attribute value reads as: the value is only known when it is rendered. */
export const HANDLEBARS_MARK = '\u0001';

/** `{{{raw}}}`, `{{!-- comments --}}` and `{{expressions}}`, in that order of precedence. */
const HANDLEBARS = /\{\{\{[\s\S]*?\}\}\}|\{\{!--[\s\S]*?--\}\}|\{\{[\s\S]*?\}\}/g;
const HTML_COMMENT = /<!--[\s\S]*?-->/g;
const START_TAG = /<([A-Za-z][A-Za-z0-9-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
const ATTRIBUTE = /([^\s"'=<>/\u0001]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Replaces every character of each match but line breaks, so that offsets and lines stay where they were. */
const blank = (text: string, pattern: RegExp, by: string) => text.replace(pattern, (match) => match.replace(/[^\n]/g, by));

/**
 * The start tags a template writes, with their attributes and offsets. Handlebars expressions are masked first
 * (one inside an attribute value leaves `HANDLEBARS_MARK`s in it; one between attributes is skipped), then HTML
 * comments. Tags that only a rendered value holds (a Markdown field) are not in the template's text and not here.
 */
export function scanTemplateTags(text: string): TemplateTag[] {
  const masked = blank(blank(text, HANDLEBARS, HANDLEBARS_MARK), HTML_COMMENT, ' ');
  const tags: TemplateTag[] = [];
  for (const tag of masked.matchAll(START_TAG)) {
    const attributesOffset = tag.index + 1 + tag[1].length;
    const attributes = [...tag[2].matchAll(ATTRIBUTE)].map((a): TemplateAttribute => {
      const value = a[2] ?? a[3] ?? a[4];
      const quoted = a[2] !== undefined || a[3] !== undefined;
      const valueStart = value === undefined ? 0 : a[0].length - value.length - (quoted ? 1 : 0);
      const offset = attributesOffset + a.index;
      return { name: a[1].toLowerCase(), ...(value !== undefined && { value }), offset, length: a[0].length, valueOffset: offset + valueStart };
    });
    tags.push({ name: tag[1].toLowerCase(), offset: tag.index, attributes });
  }
  return tags;
}
