import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeSyntheticArchive } from '../../bench/synthetic-archive.js';
import { repoRoot } from '../support/build-bundled.js';

const run = promisify(execFile);

describe('an archive with more files than the open-file limit', () => {
  it('is checked and built without running out of file handles (ulimit -n 128, about 200 files)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-ulimit-'));
    await writeSyntheticArchive(path.join(repoRoot, 'data'), dir, 60);
    const cli = path.join(repoRoot, 'bin/minutes.js');
    const limited = (args: string) =>
      run('sh', ['-c', `ulimit -n 128 && node "${cli}" ${args}`], { cwd: dir, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 }).then(
        (r) => ({ code: 0, stderr: r.stderr }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );
    const check = await limited('check');
    expect(check.stderr).not.toContain('EMFILE');
    expect(check.code).toBe(0);
    const build = await limited('build --format html --out output');
    expect(build.stderr).not.toContain('EMFILE');
    expect(build.code).toBe(0);
  }, 300_000);
});
