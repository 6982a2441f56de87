import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, writeManifest, type Manifest, type ManifestTexts } from '../../src/write/manifest.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

/** What the manifest was written as before its entries' texts were kept: JSON.stringify of the whole, sorted by id. */
function asWholeJson(manifest: Manifest): string {
  const meetings = Object.fromEntries(Object.entries(manifest.meetings).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ version: 1, meetings, ...(manifest.run && { run: manifest.run }) }, null, 2)}\n`;
}

async function written(manifest: Manifest, texts?: ManifestTexts): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-manifest-'));
  made.push(dir);
  await writeManifest(dir, manifest, texts);
  return readFile(path.join(dir, MANIFEST_NAME), 'utf8');
}

const listing = {
  meeting: { id: 'fy2025-01', title: '電気通信事故検証会議（第1回）議事要旨', notes: ['改行を\n含む文'], empty: [], nested: { none: {} } },
} as unknown as NonNullable<Manifest['meetings'][string]['listing']>;

describe('the manifest file', () => {
  it('is written as JSON.stringify writes it: no entries, entries with and without a listing, a run', async () => {
    const manifests: Manifest[] = [
      { version: 1, meetings: {} },
      { version: 1, meetings: {}, run: { key: 'k', diagnostics: [], siteFiles: ['index.html'] } },
      {
        version: 1,
        meetings: {
          'fy2025-01': { hash: 'b', outputs: ['fy2025-01.html', 'figures/a b.png'], listing },
          'fy2022-08': { hash: 'a', outputs: [] },
          report: { hash: 'c', outputs: ['report.html'], listing: { report: { incidentId: '2024-12-06-docomo', title: '詳細報告\t"引用"' } } },
        },
        run: { key: 'k', diagnostics: [], siteFiles: [] },
      },
    ];
    for (const manifest of manifests) {
      expect(await written(manifest, new WeakMap())).toBe(asWholeJson(manifest));
      expect(await written(manifest)).toBe(asWholeJson(manifest));
    }
  });

  it('is written whole when it is larger than the blocks it is written in (64 K characters)', async () => {
    const meetings = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`fy2030-${String(i).padStart(4, '0')}`, { hash: `h${i}`, outputs: [`m${i}.html`], listing }]));
    const manifest: Manifest = { version: 1, meetings, run: { key: 'k', diagnostics: [], siteFiles: [] } };
    const text = asWholeJson(manifest);
    expect(text.length).toBeGreaterThan(3 * 65536);
    expect(await written(manifest)).toBe(text);
    expect(await written(manifest, new WeakMap())).toBe(text);
  });

  it('writes an entry that a build replaced or relisted anew, with the texts of the others kept', async () => {
    const texts: ManifestTexts = new WeakMap();
    const manifest: Manifest = { version: 1, meetings: { a: { hash: '1', outputs: ['a.html'] }, b: { hash: '2', outputs: ['b.html'], listing } } };
    expect(await written(manifest, texts)).toBe(asWholeJson(manifest));
    // Relisted with the same view (a new wrapper, as every build makes): the same text.
    manifest.meetings.b.listing = { meeting: listing.meeting };
    expect(await written(manifest, texts)).toBe(asWholeJson(manifest));
    manifest.meetings.a = { hash: '3', outputs: ['a.html', 'a.docx'] };
    manifest.meetings.b.listing = { report: { incidentId: 'x', title: 'y' } };
    expect(await written(manifest, texts)).toBe(asWholeJson(manifest));
    manifest.meetings.b.listing = { report: { incidentId: 'x', title: 'z' } };
    expect(await written(manifest, texts)).toBe(asWholeJson(manifest));
    expect(await written(manifest, texts)).toContain('"hash": "3"');
  });
});
