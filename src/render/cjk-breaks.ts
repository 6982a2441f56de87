import { eastAsianWidthType } from 'get-east-asian-width';
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

const HANGUL = /[\u1100-\u11FF\u302E\u302F\u3131-\u318E\u3200-\u321E\u3260-\u327E\uA960-\uA97C\uAC00-\uD7A3\uD7B0-\uD7C6\uD7CB-\uD7FB\uFFA0-\uFFBE\uFFC2-\uFFC7\uFFCA-\uFFCF\uFFD2-\uFFD7\uFFDA-\uFFDC]/;

/** The character next to a break: the nearest non-empty text before (`step` -1) or after (+1) it. */
function neighbour(tokens: Token[], from: number, step: -1 | 1): string | undefined {
  for (let j = from + step; j >= 0 && j < tokens.length; j += step) {
    const token = tokens[j];
    if (token.type === 'softbreak' || token.type === 'hardbreak') return undefined;
    if (token.type !== 'text' || token.content === '') continue;
    const chars = [...token.content];
    return step < 0 ? chars[chars.length - 1] : chars[0];
  }
  return undefined;
}

const isWide = (char: string | undefined): boolean =>
  char !== undefined && !HANGUL.test(char) && /^(fullwidth|wide|halfwidth)$/.test(eastAsianWidthType(char.codePointAt(0)!));

/**
 * A line break between two Japanese characters joins them without a space (a wrapped Japanese sentence in the data
 * must not print 「障害が 発生」). The rule of markdown-it-cjk-breaks, rewritten because that plugin crashes on
 * breaks next to empty text tokens, as in 「**あ**」 at the end of a line.
 */
export function cjkBreaks(md: MarkdownIt): void {
  md.core.ruler.push('cjk_breaks', (state) => {
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      const children = block.children;
      const joined = children.map((token, i) => {
        if (token.type !== 'softbreak') return false;
        const last = neighbour(children, i, -1);
        const next = neighbour(children, i, 1);
        return last === '\u200b' || next === '\u200b' || (isWide(last) && isWide(next));
      });
      block.children = children.filter((_, i) => !joined[i]);
    }
    return true;
  });
}
