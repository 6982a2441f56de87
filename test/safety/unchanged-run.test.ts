import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/build-bundled.js';

const build = (cwd: string, ...args: string[]) => runCli(cwd, ['build', ...args]);

describe('a build whose inputs did not change', () => {
  it('writes nothing, repeats the problems the last run reported with its exit code, and rebuilds when anything changes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-unchanged-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    // A problem to repeat: a weekday that contradicts the date, an error that leaves fy2023-08 unwritten.
    const meeting = path.join(dir, 'data/meetings/fy2023-08.md');
    const original = await readFile(meeting, 'utf8');
    await writeFile(meeting, original.replace('date: "2023-12-20"', 'date: "2023-12-20"\nweekday: 月'));
    const first = await build(dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('weekday-mismatch');
    const page = path.join(dir, 'output/fy2024-08.html');
    const written = (await stat(page)).mtimeMs;

    const second = await build(dir);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('変更なし  すべて');
    expect(second.stderr).toContain('weekday-mismatch');
    expect((await stat(page)).mtimeMs).toBe(written);

    await writeFile(meeting, original);
    const third = await build(dir);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('fy2023-08.html');
    expect(third.stdout).not.toContain('変更なし  すべて');

    await rm(path.join(dir, 'output/fy2025-01.docx'));
    const fourth = await build(dir);
    expect(fourth.stdout).toContain('fy2025-01.docx');
  });
});
