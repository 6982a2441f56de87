import Handlebars from 'handlebars';
import { frameDataMarkup } from '../data-markup.js';
import { renderMarkdown } from '../markdown.js';

/** {{md field}}: Markdown → markup through the shared markdown-it instance (raw HTML off), framed as data. */
export function md(source: unknown): Handlebars.SafeString {
  if (typeof source !== 'string') throw new Error(`the md helper expects a string, got ${typeof source}`);
  return new Handlebars.SafeString(frameDataMarkup(renderMarkdown(source)));
}
