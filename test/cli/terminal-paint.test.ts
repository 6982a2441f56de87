import fc from 'fast-check';
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { createPaint } from '../../src/cli/terminal.js';
import { propertyRuns } from '../support/property-runs.js';

const names = ['red', 'green', 'yellow', 'cyan', 'dim', 'bold'] as const;

/** Text made of plain words and the codes the colours open and close with, so that nesting and its edge cases come up. */
const painted = fc.array(fc.constantFrom('a', 'xyz', '文', '\x1b[39m', '\x1b[22m', '\x1b[31m', '\x1b[2m', '\x1b[1m', ''), { maxLength: 12 }).map((parts) => parts.join(''));

describe('the colours of the terminal report', () => {
  it('paint exactly as picocolors did, nested or not, and leave text plain without colour', () => {
    const ours = createPaint(true);
    const theirs = createColors(true);
    const plain = createPaint(false);
    fc.assert(
      fc.property(painted, fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 4 }), (text, layers) => {
        let expected = text;
        let actual = text;
        for (const name of layers) {
          expected = theirs[name](expected);
          actual = ours[name](actual);
          expect(plain[name](text)).toBe(text);
        }
        expect(actual).toBe(expected);
      }),
      propertyRuns(500),
    );
    // The edge of picocolors' search: a closing code within the opening code's length of the start is kept as it is.
    expect(ours.red('ab\x1b[39m')).toBe(theirs.red('ab\x1b[39m'));
    expect(ours.bold('\x1b[22mx\x1b[22m')).toBe(theirs.bold('\x1b[22mx\x1b[22m'));
  });
});
