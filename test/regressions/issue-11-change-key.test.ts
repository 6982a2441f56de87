import { execFile } from 'node:child_process';
import { appendFile, cp, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hasProgram, requireRenderer } from '../support/build-bundled.js';
import { copyCheckout, makeProject, makeSmallProject, runCheckout, runMinutes, smallIncident, smallMeeting } from '../support/small-project.js';

const run = promisify(execFile);
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const smallProject = () => makeSmallProject(made);
const runCopy = runCheckout;

describe('the change key', () => {
  it('covers the tool’s own code, from the sources and from the bundle: a code change rebuilds without --force', async () => {
    const root = await makeProject({ 'meetings/fy2025-03.md': smallMeeting, 'incidents/2025-08-01-test.md': smallIncident('', '原因。') }, 'minutes-tool-');
    made.push(root);
    await copyCheckout(root);
    expect((await runCopy(root, ['build'])).code).toBe(0);
    expect((await runCopy(root, ['build'])).stdout).toContain('変更なし');

    // A fix to the code (a comment is enough: the hash covers what runs, not a version string).
    await appendFile(path.join(root, 'src/model/era.ts'), '\n// a fix\n');
    const fromSources = await runCopy(root, ['build']);
    expect(fromSources.code).toBe(0);
    expect(fromSources.stdout).not.toContain('変更なし');
    expect(fromSources.stdout).toContain('fy2025-03.html');

    await run('node', ['scripts/bundle.mjs'], { cwd: root });
    const fromBundle = await runCopy(root, ['build']);
    expect(fromBundle.stdout).toContain('fy2025-03.html');
    expect((await runCopy(root, ['build'])).stdout).toContain('変更なし');
  });

  it('reads symlinked data files through: editing the target rebuilds; a dangling one is reported, never "unchanged"', async () => {
    const dir = await smallProject();
    const elsewhere = path.join(dir, 'records');
    await mkdir(elsewhere);
    const incident = path.join(dir, 'data/incidents/2025-08-01-test.md');
    await cp(incident, path.join(elsewhere, 'test.md'));
    await rm(incident);
    await symlink(path.join(elsewhere, 'test.md'), incident);
    expect((await runMinutes(dir, ['build'])).code).toBe(0);
    await writeFile(path.join(elsewhere, 'test.md'), smallIncident('', '原因。').replace('region: 全国', 'region: 東京都'));
    const edited = await runMinutes(dir, ['build']);
    expect(edited.stdout).not.toContain('変更なし');
    expect(edited.stdout).toContain('fy2025-03.html');
    expect(await readFile(path.join(dir, 'output/fy2025-03.html'), 'utf8')).toContain('東京都');

    await symlink(path.join(elsewhere, 'gone.md'), path.join(dir, 'data/incidents/2025-08-02-gone.md'));
    const dangling = await runMinutes(dir, ['build']);
    expect(dangling.stdout).not.toContain('変更なし  すべて');
    expect(dangling.stderr).toContain('file-unreadable');
    expect(dangling.code).toBe(1);
  });
});

describe('every output of a document', () => {
  it('is rebuilt or removed after a correction: no stale PDF or fragment stays, and the index links none', async () => {
    if (!requireRenderer('LibreOffice', await hasProgram('soffice'))) return;
    const dir = await smallProject();
    const first = await runMinutes(dir, ['build', '--format', 'html,docx,pdf', '--fragment']);
    expect(first.code).toBe(0);
    const out = path.join(dir, 'output');
    expect(await readdir(out)).toEqual(expect.arrayContaining(['fy2025-03.pdf', 'fy2025-03.fragment.html']));
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('fy2025-03.pdf');

    const meeting = path.join(dir, 'data/meetings/fy2025-03.md');
    await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('place: Web会議', 'place: 総務省第1会議室'));
    const second = await runMinutes(dir, ['build']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/削除 +output\/fy2025-03\.pdf/);
    expect(existsSync(path.join(out, 'fy2025-03.pdf'))).toBe(false);
    expect(existsSync(path.join(out, 'fy2025-03.fragment.html'))).toBe(false);
    expect(await readFile(path.join(out, 'fy2025-03.html'), 'utf8')).toContain('総務省第1会議室');
    const index = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(index).not.toContain('.pdf');
    expect(index).toContain('fy2025-03.docx');
  });

  it('is linked from the index only when it belongs to the current record (a stray file is not)', async () => {
    const dir = await smallProject();
    await mkdir(path.join(dir, 'output'));
    await writeFile(path.join(dir, 'output/fy2025-03.pdf'), '%PDF-1.4 of some earlier record');
    expect((await runMinutes(dir, ['build'])).code).toBe(0);
    expect(await readFile(path.join(dir, 'output/index.html'), 'utf8')).not.toContain('fy2025-03.pdf');
    expect((await stat(path.join(dir, 'output/fy2025-03.docx'))).size).toBeGreaterThan(0);
  });
});
