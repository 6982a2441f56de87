import { describe, expect, it } from 'vitest';
import { POOL_THRESHOLD, poolSize } from '../../src/write/docx/docx-pool.js';

describe('the Word writer pool of a build', () => {
  it('starts no worker below the threshold or on one core', () => {
    expect(poolSize(POOL_THRESHOLD - 1, 8)).toBe(0);
    expect(poolSize(1000, 1)).toBe(0);
  });

  it('leaves one core to the main thread, which renders and writes the HTML meanwhile', () => {
    expect(poolSize(POOL_THRESHOLD, 2)).toBe(1);
    expect(poolSize(1000, 4)).toBe(3);
  });

  it('starts at most four workers however many cores there are', () => {
    expect(poolSize(5000, 64)).toBe(4);
  });
});
