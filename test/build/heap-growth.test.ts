import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT } from '../../src/cli/heap-growth.js';

/** What Node prints when a script sets V8 flags (an unknown one: "Error: unrecognized flag …" on stderr). */
function printedWhenSetting(...flags: string[]): string {
  const script = flags.map((flag) => `require('node:v8').setFlagsFromString('${flag}');`).join('');
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return run.stdout + run.stderr;
}

describe('the CLI heap growth setting', () => {
  it('is a flag this Node version knows, so setting it prints nothing', () => {
    expect(printedWhenSetting(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)).toBe('');
    // The check itself: a flag V8 does not know is reported.
    expect(printedWhenSetting('--no-such-flag-for-the-test')).toContain('unrecognized flag');
  });
});
