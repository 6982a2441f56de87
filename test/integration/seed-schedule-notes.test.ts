import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundledData, repoRoot } from '../support/build-bundled.js';
import { docxBodyText, htmlMainText, normalizeForComparison } from '../support/extract-text.js';

/** The published seeds, copied into the repository (public documents), so a fresh clone runs this test. */
const seedsDir = path.join(repoRoot, 'test/fixtures/seeds');
const seeds = {
  'fy2025-01': '000_c5aa13bd39b0d189.txt',
  'fy2022-08': '001_01099acdb34f7f9a.txt',
  'fy2023-08': '002_13e97b1109b1ca1a.txt',
  'fy2024-08': '004_16a52cfd27c9ba81.txt',
  'report-example-email-outage': '003_ab257006fb29e296.txt',
} as const;

let outDir: string;
beforeAll(async () => {
  ({ outDir } = await buildBundledData(['html', 'docx']));
});

describe('every 【…】 of the seeds', () => {
  for (const [id, seed] of Object.entries(seeds)) {
    it(`appears in ${id} in both formats (taken from ${seed} itself, not from a list)`, async () => {
      const seedText = normalizeForComparison(await readFile(path.join(seedsDir, seed), 'utf8'));
      const notes = [...new Set(seedText.match(/【[^【】]{2,80}】/g) ?? [])];
      expect(notes.length).toBeGreaterThan(0);
      const html = normalizeForComparison(htmlMainText(await readFile(path.join(outDir, `${id}.html`), 'utf8')));
      const docx = normalizeForComparison(docxBodyText(new Uint8Array(await readFile(path.join(outDir, `${id}.docx`)))));
      expect(notes.filter((n) => !html.includes(n))).toEqual([]);
      expect(notes.filter((n) => !docx.includes(n))).toEqual([]);
    });
  }
});
