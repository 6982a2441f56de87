import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentKey, recordMismatch, statGroup, type StatRecord } from '../../src/cli/stat-record.js';

async function folderWithFile(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-stat-record-'));
  const file = path.join(dir, 'a.md');
  await writeFile(file, 'a');
  return { dir, file };
}

/** Waits until what was just written is old enough for its description to be trusted. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

function recordOf(dir: string, key = currentKey('/tool', ['build'], dir, {})): StatRecord {
  const inputs = statGroup({ trees: [dir], files: [] }).group;
  const outputs = statGroup({ trees: [], files: [] }).group;
  const answer = { code: 0, version: '0', counts: { errors: 0, warnings: 0, infos: 0 }, diagnostics: [], lang: 'ja' as const, json: false };
  return { version: 1, key, inputs, outputs, answer, texts: { plain: new Uint8Array(), colour: new Uint8Array() } };
}

describe('stat records', () => {
  it('never trusts a file changed as late as the moment its description was taken (racy-git rule)', async () => {
    const { dir, file } = await folderWithFile();
    expect(statGroup({ trees: [dir], files: [] }).racy).toBe(true);
    // The same file, described a second after it changed, is trusted.
    expect(statGroup({ trees: [dir], files: [] }, Date.now() + 1000).racy).toBe(false);
    // A modification time in the future (set by a program) is never trusted.
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect(statGroup({ trees: [], files: [file] }, Date.now() + 1000).racy).toBe(true);
  });

  it('holds while nothing changes, and not for another Node, command line, folder or locale', async () => {
    const { dir } = await folderWithFile();
    const key = currentKey('/tool', ['build'], dir, { LANG: 'C.UTF-8' });
    await settle();
    const record = recordOf(dir, key);
    expect(recordMismatch(record, key)).toBeUndefined();
    expect(recordMismatch(record, { ...key, node: 'v0.0.0' })).toMatch(/Node/);
    expect(recordMismatch(record, { ...key, tool: '/another/checkout' })).toMatch(/tool/);
    expect(recordMismatch(record, { ...key, argv: ['build', '--json'] })).toMatch(/command line/);
    expect(recordMismatch(record, { ...key, cwd: os.tmpdir() })).toMatch(/folder/);
    expect(recordMismatch(record, currentKey('/tool', ['build'], dir, { LANG: 'en_US.UTF-8' }))).toMatch(/locale/);
  });

  it('does not hold once a file is added to a watched folder, or a watched file is edited', async () => {
    const { dir, file } = await folderWithFile();
    const key = currentKey('/tool', ['build'], dir, {});
    await settle();
    const record = recordOf(dir, key);
    await writeFile(path.join(dir, 'b.md'), 'b');
    expect(recordMismatch(record, key)).toMatch(/listing/);
    await settle();
    const again = recordOf(dir, key);
    // The same size: the change time tells.
    await writeFile(file, 'z');
    expect(recordMismatch(again, key)).toMatch(/a file|too recently/);
  });
});
