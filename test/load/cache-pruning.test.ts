import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepNewest } from '../../src/load/cache-folder.js';
import { openParseStore } from '../../src/load/parse-store.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-cache-pruning-'));
  made.push(dir);
  return dir;
};
/** A folder entry last used `ageS` seconds ago. */
const entryAged = (folder: string, name: string, ageS: number, isFolder = true) => {
  const at = path.join(folder, name);
  if (isFolder) mkdirSync(at, { recursive: true });
  else writeFileSync(at, 'x');
  const time = new Date(Date.now() - ageS * 1000);
  utimesSync(at, time, time);
};

describe('the caches kept on disk', () => {
  it('keep the newest entries a cache names and remove the older ones, leaving other names alone', async () => {
    const folder = await tempDir();
    for (let i = 0; i < 10; i++) entryAged(folder, `gen-${i}`, 100 - i);
    entryAged(folder, 'other.txt', 1000, false);
    keepNewest(folder, (name) => name.startsWith('gen-'), 8);
    expect(readdirSync(folder).sort()).toEqual(['gen-2', 'gen-3', 'gen-4', 'gen-5', 'gen-6', 'gen-7', 'gen-8', 'gen-9', 'other.txt']);
  });

  it('keep the parse store to 8 generations of the tool, the one in use among them, however old it was', async () => {
    const tool = await tempDir();
    mkdirSync(path.join(tool, 'node_modules'));
    const parsed = path.join(tool, 'node_modules/.cache/telecom-accident-minutes/parsed');
    // The generation of this code, last used long ago, and ten newer ones of other codes.
    const first = openParseStore(tool, 'code-in-use');
    first!.put('a: 1\n', { a: 1 });
    const [inUse] = readdirSync(parsed);
    const old = new Date(Date.now() - 10_000_000);
    utimesSync(path.join(parsed, inUse), old, old);
    for (let i = 0; i < 10; i++) entryAged(parsed, `${i}`.padStart(16, 'a'), 1000 - i);
    const store = openParseStore(tool, 'code-in-use');
    const left = readdirSync(parsed);
    expect(left).toHaveLength(8);
    expect(left).toContain(inUse);
    expect(left).not.toContain('0'.padStart(16, 'a'));
    expect(store!.get('a: 1\n')).toEqual({ data: { a: 1 } });
    expect(existsSync(path.join(parsed, inUse))).toBe(true);
  });
});
