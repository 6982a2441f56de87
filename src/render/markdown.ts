import MarkdownIt from 'markdown-it';
import markdownItBracketedSpans from 'markdown-it-bracketed-spans';
import type Token from 'markdown-it/lib/token.mjs';
import type { PluginSimple } from 'markdown-it';
import { cjkBreaks } from './cjk-breaks.js';
import { langAttribute } from './lang-attribute.js';

/** Link targets a document may use; images may also use a relative path inside data/ (checked elsewhere). */
const SAFE_LINK = /^(https?:|mailto:)/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Paragraph shapes with a meaning in the committee's documents. */
const paragraphClasses: readonly { pattern: RegExp; className: string }[] = [
  { pattern: /^[＜<][^＜＞<>]+[＞>]$/, className: 'sub-heading' },
  { pattern: /^【[^【】]+】$/, className: 'schedule-note' },
];

function classifyParagraphs(state: { tokens: Token[] }): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i + 1].type !== 'inline') continue;
    const content = tokens[i + 1].content.trim();
    const match = paragraphClasses.find((c) => c.pattern.test(content));
    if (match && !tokens[i].attrGet('class')) tokens[i].attrSet('class', match.className);
  }
}

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  // YAML indentation would otherwise turn indented text into code blocks by accident.
  md.disable(['code']);
  md.validateLink = (url: string) => {
    const trimmed = url.trim();
    return SAFE_LINK.test(trimmed) || !HAS_SCHEME.test(trimmed);
  };
  // The plugins' own typings target an older markdown-it; their runtime API is the plugin signature.
  md.use(markdownItBracketedSpans as unknown as PluginSimple);
  md.use(langAttribute);
  md.use(cjkBreaks);
  md.core.ruler.push('classify_paragraphs', classifyParagraphs);
  return md;
}

/** The one markdown-it instance of the tool: raw HTML off, output limited to the DocTree vocabulary. */
export const markdown = createMarkdown();

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export function isSafeLink(url: string): boolean {
  return SAFE_LINK.test(url.trim());
}
