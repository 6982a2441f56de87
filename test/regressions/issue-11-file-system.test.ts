import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hasProgram, requireRenderer } from '../support/build-bundled.js';
import { makeSmallProject, runMinutes } from '../support/small-project.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const smallProject = () => makeSmallProject(made);

/** The pid of a process that has ended: nothing runs under it now. */
function pidOfEndedProcess(): number {
  return spawnSync('true').pid!;
}

describe('temp files', () => {
  it('left by a killed build are removed by the next one; those of a running build are kept', async () => {
    const dir = await smallProject();
    const out = path.join(dir, 'output');
    await mkdir(path.join(out, 'figures'), { recursive: true });
    const dead = pidOfEndedProcess();
    await writeFile(path.join(out, `.index.html.${dead}-0a1b2c3d.tmp`), 'half');
    await writeFile(path.join(out, `.fy2025-03.docx.${dead}.tmp`), 'half');
    await writeFile(path.join(out, 'figures', `.x.png.${dead}-0a1b2c3d.tmp`), 'half');
    await mkdir(path.join(out, `.pdf.${dead}-0a1b2c3d.tmp`, 'profile'), { recursive: true });
    const running = `.index.html.${process.pid}-0a1b2c3d.tmp`;
    await writeFile(path.join(out, running), 'in flight');
    const result = await runMinutes(dir, ['build']);
    expect(result.code).toBe(0);
    expect((await readdir(out)).filter((f) => f.endsWith('.tmp'))).toEqual([running]);
    expect(await readdir(path.join(out, 'figures'))).toEqual([]);
  });
});

describe('file system faults', () => {
  it('an output folder that is a symlink loop is one line and exit 73', async () => {
    const dir = await smallProject();
    await symlink('loop', path.join(dir, 'output'));
    await symlink('output', path.join(dir, 'loop'));
    const result = await runMinutes(dir, ['build']);
    expect(result.code).toBe(73);
    expect(result.stderr).toBe('ファイルを読み書きできません / cannot read or write: output (ELOOP: mkdir)\n');
  });

  it('a file size limit (as a full disk gives) is exit 73, and no temp file is left', async () => {
    const dir = await smallProject();
    const run = promisify(execFile);
    const cli = path.resolve(import.meta.dirname, '../../bin/minutes.js');
    const result = await run('sh', ['-c', `ulimit -f 16; exec node "${cli}" build --format html,docx`], { cwd: dir }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.stderr).toContain('EFBIG');
    expect(result.stderr).not.toContain('internal error');
    expect(result.code).toBe(73);
    expect((await readdir(path.join(dir, 'output'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an output folder under /proc is refused at once with exit 73 instead of hanging', async () => {
    const dir = await smallProject();
    const result = await runMinutes(dir, ['build', '--out', '/proc/self/minutes-output'], 20_000);
    expect(result.code).toBe(73);
    expect(result.stderr).toContain('cannot read or write');
  });

  it('a PDF build into an output folder on another file system (/dev/shm) renames nothing across it', async () => {
    if (!requireRenderer('LibreOffice', await hasProgram('soffice'))) return;
    if (!existsSync('/dev/shm')) return;
    const dir = await smallProject();
    const out = await mkdtemp('/dev/shm/minutes-pdf-out-');
    made.push(out);
    const result = await runMinutes(dir, ['build', '--format', 'html,pdf', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = await readdir(out);
    expect(files).toEqual(expect.arrayContaining(['fy2025-03.pdf', 'fy2025-03.html']));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
