import Handlebars from 'handlebars';
import type { DocTree } from '../../doc-tree/types.js';
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
