import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepingMd, md } from '../../src/render/helpers/md.js';
import { propertyRuns } from '../support/property-runs.js';

describe('{{md}} in a watch, keeping what it rendered', () => {
  it('gives the markup {{md}} gives, for the first and every later render of a text', () => {
    const kept = new Map<string, string>();
    const keeping = keepingMd(kept);
    const text = fc.array(fc.constantFrom('障害', '**強調**', '\n', '- 項目', '[English]{lang=en}', '＜見出し＞', '\n\n', '![図](../figures/a.png)', '<b>', '|a|b|\n|-|-|\n|1|2|'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (texts) => {
        for (const source of [...texts, ...texts]) expect(keeping(source).toString()).toBe(md(source).toString());
      }),
      propertyRuns(200),
    );
    expect(kept.size).toBeGreaterThan(0);
  });

  it('refuses what {{md}} refuses (a value that is not a string), and keeps at most a bounded number of texts', () => {
    const kept = new Map<string, string>();
    const keeping = keepingMd(kept);
    expect(() => keeping(3)).toThrow(/expects a string/);
    for (let i = 0; i < 6000; i++) keeping(`段落${i}`);
    expect(kept.size).toBeLessThanOrEqual(5000);
    expect(keeping('段落5999').toString()).toBe(md('段落5999').toString());
  });
});
