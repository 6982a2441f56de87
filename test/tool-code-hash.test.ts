import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashCodeFolder } from '../src/tool-code-hash.js';

/** A checkout with a code folder, a lock file and a node_modules (so that it has a cache folder). */
async function checkout(): Promise<{ root: string; codeDir: string; memoDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-code-hash-'));
  const codeDir = path.join(root, 'dist');
  await mkdir(path.join(codeDir, 'chunks'), { recursive: true });
  await mkdir(path.join(root, 'node_modules'));
  await writeFile(path.join(codeDir, 'cli.js'), 'console.log(1);\n');
  await writeFile(path.join(codeDir, 'cli.js.map'), '{}');
  await writeFile(path.join(codeDir, 'chunks', 'a.js'), 'export const a = 1;\n');
  await writeFile(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
  return { root, codeDir, memoDir: path.join(root, 'node_modules/.cache/telecom-accident-minutes/code-hash') };
}

/** Past the racy window of describe-file.ts (50 ms), so that the files' descriptions are trusted. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

/** The hash computed with no memo at all. */
async function fresh(root: string, codeDir: string, memoDir: string): Promise<string> {
  await rm(memoDir, { recursive: true, force: true });
  return hashCodeFolder(root, codeDir);
}

describe('the hash of the running code', () => {
  it('is the same read from its memo as computed, and the memo is what answers while the files are as described', async () => {
    const { root, codeDir, memoDir } = await checkout();
    await settle();
    const computed = await fresh(root, codeDir, memoDir);
    const [memoName] = await readdir(memoDir);
    expect(await hashCodeFolder(root, codeDir)).toBe(computed);
    // A memo whose files are described as they are is trusted as it stands: a planted hash comes back.
    const memoFile = path.join(memoDir, memoName);
    const memo = JSON.parse(await readFile(memoFile, 'utf8')) as { hash: string };
    await writeFile(memoFile, JSON.stringify({ ...memo, hash: 'planted' }));
    expect(await hashCodeFolder(root, codeDir)).toBe('planted');
    await rm(root, { recursive: true });
  });

  it('changes with any code file or the lock file, same size or not, never with a source map', async () => {
    const { root, codeDir, memoDir } = await checkout();
    await settle();
    const first = await hashCodeFolder(root, codeDir);
    await writeFile(path.join(codeDir, 'cli.js.map'), '{"mappings":""}');
    await settle();
    expect(await hashCodeFolder(root, codeDir)).toBe(first);
    const edits: [string, string][] = [
      ['dist/cli.js', 'console.log(2);\n'],
      ['dist/chunks/a.js', 'export const a = 2; // longer\n'],
      ['package-lock.json', '{"lockfileVersion":2}\n'],
      ['dist/chunks/b.js', 'export const b = 1;\n'],
    ];
    let last = first;
    for (const [file, text] of edits) {
      await writeFile(path.join(root, file), text);
      // Read at once (the edit is too recent to trust the memo), then after the racy window (the memo is compared).
      const soon = await hashCodeFolder(root, codeDir);
      await settle();
      const later = await hashCodeFolder(root, codeDir);
      expect(soon, file).not.toBe(last);
      expect(later, file).toBe(soon);
      expect(await fresh(root, codeDir, memoDir), file).toBe(later);
      last = later;
    }
    await rm(root, { recursive: true });
  });

  it('is computed when the memo is corrupt', async () => {
    const { root, codeDir, memoDir } = await checkout();
    await settle();
    const computed = await fresh(root, codeDir, memoDir);
    const [memoName] = await readdir(memoDir);
    for (const corrupt of ['', '{', '{"hash":"x"}', '{"descriptions":[],"hash":7}', 'null']) {
      await writeFile(path.join(memoDir, memoName), corrupt);
      expect(await hashCodeFolder(root, codeDir), corrupt).toBe(computed);
    }
    await rm(root, { recursive: true });
  });
});
