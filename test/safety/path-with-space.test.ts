import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build-bundled.js';

const run = promisify(execFile);
let parent: string | undefined;

/** Runs the copy's own bin/minutes.js, as `npm start` there does. */
function runCopy(root: string, args: string[]) {
  return run('node', [path.join(root, 'bin/minutes.js'), ...args], { cwd: root, timeout: 120_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}
afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

describe('a checkout in a folder named with a space and Japanese', () => {
  it('builds and checks from its sources and from its bundle, with no ../shared beside it', async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'minutes-path-'));
    const root = path.join(parent, '議事 要旨', 'minutes');
    await mkdir(root, { recursive: true });
    for (const part of ['bin', 'src', 'templates', 'data', 'scripts', 'package.json']) {
      await cp(path.join(repoRoot, part), path.join(root, part), { recursive: true });
    }
    await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));

    // From the TypeScript sources (no dist/): what an edited checkout runs.
    const fromSources = await runCopy(root, ['build']);
    expect(fromSources.stderr).toBe('');
    expect(fromSources.code).toBe(0);
    expect(await readdir(path.join(root, 'output'))).toEqual(expect.arrayContaining(['index.html', 'fy2025-01.docx', 'fy2025-01.html']));
    expect((await runCopy(root, ['check'])).code).toBe(0);

    // From the bundle that `npm ci` writes.
    await run('node', ['scripts/bundle.mjs'], { cwd: root });
    const fromBundle = await runCopy(root, ['build', '--force', '--out', '出力 先']);
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.code).toBe(0);
    expect(await readdir(path.join(root, '出力 先'))).toEqual(expect.arrayContaining(['index.html', 'fy2025-01.docx']));
  });
});
