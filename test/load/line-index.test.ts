import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/load/line-index.js';

describe('LineIndex', () => {
  const text = 'a: 1\n🌟b: 情報\n\nlast';
  const index = new LineIndex(text);

  it('counts lines from the text and columns in characters, an emoji being one', () => {
    expect(index.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(text.indexOf('b'))).toEqual({ line: 2, column: 2 });
    expect(index.positionAt(text.indexOf('情'))).toEqual({ line: 2, column: 5 });
    expect(index.positionAt(text.indexOf('\n\n') + 1)).toEqual({ line: 3, column: 1 });
    expect(index.positionAt(text.indexOf('last') + 2)).toEqual({ line: 4, column: 3 });
  });

  it('keeps offsets outside the text on its first and last positions', () => {
    expect(index.positionAt(-5)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(text.length + 10)).toEqual({ line: 4, column: 5 });
  });
});
