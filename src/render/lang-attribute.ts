import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** The one attribute the data may set: `{lang=en}`. */
const TRAILING = /\s*\{lang=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}\s*$/;
const LEADING = /^\{lang=([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\}/;

/** `[English text]{lang=en}` (a bracketed span followed by the attribute) → the span gets lang. */
function spanLanguages(children: Token[]): void {
  for (let i = 0; i + 1 < children.length; i++) {
    if (children[i].type !== 'span_close' || children[i + 1].type !== 'text') continue;
    const match = LEADING.exec(children[i + 1].content);
    if (!match) continue;
    let depth = 0;
    for (let j = i; j >= 0; j--) {
      if (children[j].type === 'span_close') depth++;
      if (children[j].type === 'span_open' && --depth === 0) {
        children[j].attrSet('lang', match[1]);
        break;
      }
    }
    children[i + 1].content = children[i + 1].content.slice(match[0].length);
  }
}

/**
 * `{lang=en}` for English passages, and nothing else: a paragraph (or heading) ending with ` {lang=en}`, or a
 * bracketed span `[text]{lang=en}`. A small core rule instead of markdown-it-attrs, which accepts any attribute and
 * took most of the validation time of a 100-meeting archive.
 */
export function langAttribute(md: MarkdownIt): void {
  md.core.ruler.push('lang_attribute', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (token.type !== 'inline' || !token.children) continue;
      if (token.content.includes('{lang=')) {
        spanLanguages(token.children);
        const last = token.children[token.children.length - 1];
        const match = last?.type === 'text' ? TRAILING.exec(last.content) : null;
        const opener = tokens[i - 1];
        if (match && opener && /_open$/.test(opener.type) && (opener.type === 'paragraph_open' || opener.type === 'heading_open')) {
          opener.attrSet('lang', match[1]);
          last.content = last.content.slice(0, match.index);
        }
        // Later rules (markdown-it-cjk-breaks) read the characters next to each break: leave no empty text behind.
        token.children = token.children.filter((child) => child.type !== 'text' || child.content !== '');
      }
    }
    return true;
  });
}
