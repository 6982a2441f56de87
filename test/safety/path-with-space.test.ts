import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build-bundled.js';
import { copyCheckout, runCheckout } from '../support/small-project.js';

const run = promisify(execFile);
let parent: string | undefined;

afterAll(async () => {
  if (parent) await rm(parent, { recursive: true, force: true });
});

describe('a checkout in a folder named with a space and Japanese', () => {
  it('builds and checks from its sources and from its bundle, with no seeds folder beside the checkout', async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'minutes-path-'));
    const root = path.join(parent, '議事 要旨', 'minutes');
    await mkdir(root, { recursive: true });
    await copyCheckout(root);
    await cp(path.join(repoRoot, 'data'), path.join(root, 'data'), { recursive: true });

    // From the TypeScript sources (no dist/): what an edited checkout runs.
    const fromSources = await runCheckout(root, ['build']);
    expect(fromSources.stderr).toBe('');
    expect(fromSources.code).toBe(0);
    expect(await readdir(path.join(root, 'output'))).toEqual(expect.arrayContaining(['index.html', 'fy2025-01.docx', 'fy2025-01.html']));
    expect((await runCheckout(root, ['check'])).code).toBe(0);

    // From the bundle that `npm ci` writes.
    await run('node', ['scripts/bundle.mjs'], { cwd: root });
    const fromBundle = await runCheckout(root, ['build', '--force', '--out', '出力 先']);
    expect(fromBundle.stderr).toBe('');
    expect(fromBundle.code).toBe(0);
    expect(await readdir(path.join(root, '出力 先'))).toEqual(expect.arrayContaining(['index.html', 'fy2025-01.docx']));
  });
});
