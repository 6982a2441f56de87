import Handlebars from 'handlebars';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DocTree } from '../../doc-tree/types.js';
import { toTemplateError } from '../../render/handlebars-env.js';
import { serializeBlocks, type HtmlSerializeOptions } from './serialize-tree.js';

export interface HtmlPageOptions extends HtmlSerializeOptions {
  /** The page shell (templates/layout.html.hbs). */
  layout: string;
  stylesheet: string;
  indexHref: string;
}

/** Writes a DocTree as a complete HTML page, using the layout template for the shell. */
export function writeHtml(tree: DocTree, options: HtmlPageOptions): string {
  const layout = Handlebars.create().compile(options.layout, { strict: true, knownHelpersOnly: true });
  return layout({
    lang: tree.lang,
    title: tree.title,
    stylesheet: options.stylesheet,
    indexHref: options.indexHref,
    body: new Handlebars.SafeString(serializeBlocks(tree.blocks, options)),
  });
}

/** The article body alone, for pasting into a CMS. */
export function writeHtmlFragment(tree: DocTree, options: HtmlSerializeOptions): string {
  return serializeBlocks(tree.blocks, options);
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
