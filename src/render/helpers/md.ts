import Handlebars from 'handlebars';
import { frameDataMarkup } from '../data-markup.js';
import { renderMarkdown } from '../markdown.js';

/** {{md field}}: Markdown → markup through the shared markdown-it instance (raw HTML off), framed as data. */
export function md(source: unknown): Handlebars.SafeString {
  return new Handlebars.SafeString(markupOf(source));
}

function markupOf(source: unknown): string {
  if (typeof source !== 'string') throw new Error(`the md helper expects a string, got ${typeof source}`);
  return frameDataMarkup(renderMarkdown(source));
}

/** Sources a keeping {{md}} holds at most before it starts afresh (a few MB of markup). */
const KEPT_SOURCES = 5000;

/**
 * {{md}} that keeps the markup of each source it rendered (the rendering is a pure function of the text): a watch
 * renders the same incidents' Markdown on every save of a meeting that shows them.
 */
export function keepingMd(kept: Map<string, string>): (source: unknown) => Handlebars.SafeString {
  return (source) => {
    let markup = typeof source === 'string' ? kept.get(source) : undefined;
    if (markup === undefined) {
      markup = markupOf(source);
      if (kept.size >= KEPT_SOURCES) kept.clear();
      kept.set(source as string, markup);
    }
    return new Handlebars.SafeString(markup);
  };
}
