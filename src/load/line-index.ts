/** A 1-based line and a 1-based column counted in characters (code points). */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Turns UTF-16 offsets into line and column, from the text itself.
 * yaml's LineCounter learns lines from the parser's newline tokens, and after a syntax error
 * (a block scalar swallowed by a broken indent) it misses some, placing later errors on the wrong line.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  positionAt(offset: number): TextPosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.starts[low];
    let column = 1;
    for (let i = lineStart; i < clamped; i++) {
      const code = this.text.charCodeAt(i);
      // The second half of a surrogate pair does not start a new character.
      if (!(code >= 0xdc00 && code <= 0xdfff && i > lineStart)) column++;
    }
    return { line: low + 1, column };
  }
}
