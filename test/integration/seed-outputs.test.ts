/**
 * The four real meetings come out unchanged: the SHA-256 of each meeting's .html and .docx is committed in
 * test/fixtures/golden/seed-outputs.json. A deliberate change rewrites it with UPDATE=1, and the commit says why
 * (the Word goldens beside it show what changed inside the .docx).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundledData, repoRoot, seedMeetings } from '../support/build-bundled.js';

const goldenFile = path.join(repoRoot, 'test/fixtures/golden/seed-outputs.json');

describe('the four real meetings', () => {
  it('give byte-identical HTML and Word files to the committed ones', async () => {
    const { outDir } = await buildBundledData();
    const hashes: Record<string, string> = {};
    for (const id of seedMeetings) {
      for (const extension of ['html', 'docx']) {
        const bytes = await readFile(path.join(outDir, `${id}.${extension}`));
        hashes[`${id}.${extension}`] = createHash('sha256').update(bytes).digest('hex');
      }
    }
    if (process.env.UPDATE === '1') await writeFile(goldenFile, `${JSON.stringify(hashes, null, 2)}\n`);
    expect(hashes).toEqual(JSON.parse(await readFile(goldenFile, 'utf8')));
  });
});
