import Handlebars from 'handlebars';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DocTree } from '../../doc-tree/types.js';
import { toTemplateError } from '../../render/handlebars-env.js';
import { serializeBlocks, type HtmlSerializeOptions } from './serialize-tree.js';

export interface HtmlPageOptions extends HtmlSerializeOptions {
  /** The page shell (templates/layout.html.hbs), as text or compiled once for every page of a build. */
  layout: string | PageLayout;
  stylesheet: string;
  indexHref: string;
}

/** The page shell compiled (≈ 2 ms of Handlebars' compiler), so that the pages of a build share one compilation. */
export interface PageLayout {
  text: string;
  render: Handlebars.TemplateDelegate;
}

export function compileLayout(text: string): PageLayout {
  return { text, render: Handlebars.create().compile(text, { strict: true, knownHelpersOnly: true }) };
}

/** Writes a DocTree as a complete HTML page, using the layout template for the shell. */
export function writeHtml(tree: DocTree, options: HtmlPageOptions): string {
  const layout = typeof options.layout === 'string' ? compileLayout(options.layout) : options.layout;
  return layout.render({
    lang: tree.lang,
    title: tree.title,
    stylesheet: options.stylesheet,
    indexHref: options.indexHref,
    body: new Handlebars.SafeString(serializeBlocks(tree.blocks, options)),
  });
}

/** The class of the fragment's wrapper: every rule of templates/fragment.css is scoped to it. */
export const FRAGMENT_CLASS = 'minutes-fragment';

export interface HtmlFragmentOptions extends HtmlSerializeOptions {
  /** Level of the fragment's first headings (the document's sections, h2 in the page): 1–6, default 2. */
  headingLevel?: number;
}

/**
 * The article body alone, for pasting into a CMS page, which has its own <h1> with the title: the document's title
 * heading (its h1) is left out, and the section headings start at `headingLevel`. It is plain semantic HTML (real
 * tables with th/caption, lists, headings) in one wrapper element with the language and FRAGMENT_CLASS, which the
 * optional stylesheet fragment.css targets; it reads correctly without it.
 */
export function writeHtmlFragment(tree: DocTree, options: HtmlFragmentOptions): string {
  const blocks = tree.blocks.filter((block) => !(block.type === 'heading' && block.level === 1));
  const body = serializeBlocks(blocks, { ...options, headingOffset: (options.headingLevel ?? 2) - 2 });
  return `<div class="${FRAGMENT_CLASS}" lang="${tree.lang}">\n${body}</div>\n`;
}

/**
 * The page shell's mistakes (a missing value, an unclosed {{#if}}), found by writing an empty page before anything is
 * written: a located template error, or undefined when the layout works.
 */
export function checkLayout(layout: string, file: string): Diagnostic | undefined {
  try {
    writeHtml({ title: '（確認）', lang: 'ja', blocks: [] }, { layout, stylesheet: 'styles.css', indexHref: 'index.html', figureUrl: () => undefined });
    return undefined;
  } catch (error) {
    const located = toTemplateError(error, file);
    const position = { line: located.line, column: located.column };
    return createDiagnostic('template-error', file, { start: position, end: position }, { actual: located.message });
  }
}
