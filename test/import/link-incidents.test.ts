/**
 * Issue 15: a meeting that discusses an incident already recorded refers to that record instead of writing a new
 * one (same operators, same first occurrence start); the facts that differ between the two are reported as
 * import-uncertain with both values, and the existing record is never changed. --force writes everything, as before.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/run-import.js';
import { loadProject } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';
import { repoRoot } from '../support/build-bundled.js';

const seed = path.join(repoRoot, 'test/fixtures/seeds/002_13e97b1109b1ca1a.txt');
const context = { cwd: repoRoot, toolDataDir: path.join(repoRoot, 'data') };

async function folderWith(...parts: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'minutes-link-'));
  for (const part of ['codes', ...parts]) await cp(path.join(repoRoot, 'data', part), path.join(folder, part), { recursive: true });
  return folder;
}

async function snapshot(folder: string): Promise<Record<string, string>> {
  const names = await readdir(path.join(folder, 'incidents'));
  return Object.fromEntries(await Promise.all(names.sort().map(async (n) => [n, await readFile(path.join(folder, 'incidents', n), 'utf8')] as const)));
}

/** Seed 002 as the minutes of a later meeting (第9回, another date) on the same two incidents. */
async function laterMeeting(folder: string, change: (text: string) => string = (t) => t): Promise<string> {
  const text = (await readFile(seed, 'utf8')).replace('（第8回）', '（第9回）').replace('令和5年12月20日（水）', '令和6年1月24日（水）');
  const file = path.join(folder, 'second.txt');
  await writeFile(file, change(text));
  return file;
}

describe('a meeting on incidents already recorded', () => {
  it('refers to the hand-encoded records of data/ (seed 002) and writes only the meeting', async () => {
    const folder = await folderWith('incidents');
    const before = await snapshot(folder);
    const result = await runImport([seed, '--out', folder, '--json'], context);
    expect(result.code).toBe(0);
    const file = JSON.parse(result.stdout).files[0];
    expect(file.written).toEqual([path.relative(repoRoot, path.join(folder, 'meetings/fy2023-08.md'))]);
    expect(file.incidents.map((i: { id: string; linkedTo?: string }) => [i.id, i.linkedTo])).toEqual([
      ['2023-10-31-docomo', '2023-10-31-docomo'],
      ['2023-11-09-kyatchinettowaku', '2023-11-09-catchnetwork'],
    ]);
    expect(await snapshot(folder)).toEqual(before);
    const meeting = await readFile(path.join(folder, 'meetings/fy2023-08.md'), 'utf8');
    expect(meeting).toMatch(/^      - 2023-11-09-catchnetwork$/m);
    expect(meeting).toContain('既存の記録 2023-11-09-catchnetwork と同じ');
    const project = await loadProject({ cwd: folder, dataDir: '.' });
    expect(allDiagnostics(project).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('links a second meeting to the records the first import wrote, and reports a fact that differs with both values', async () => {
    const folder = await folderWith();
    expect((await runImport([seed, '--out', folder], context)).code).toBe(0);
    const before = await snapshot(folder);
    const second = await laterMeeting(folder, (t) => t.replace('影響地域 愛知県', '影響地域 愛知県及び岐阜県'));
    const result = await runImport([second, '--out', folder, '--json', '--lang', 'en'], context);
    expect(result.code).toBe(0);
    const file = JSON.parse(result.stdout).files[0];
    expect(file.written).toEqual([path.relative(repoRoot, path.join(folder, 'meetings/fy2023-09.md'))]);
    expect(await snapshot(folder)).toEqual(before);
    const differences = file.diagnostics.filter((d: { en: string }) => /differs from the existing record/.test(d.en));
    expect(differences).toHaveLength(1);
    expect(differences[0].en).toContain('影響地域 differs from the existing record 2023-11-09-kyatchinettowaku');
    expect(differences[0].actual).toBe('既存 / existing: "愛知県"\n取り込み / imported: "愛知県及び岐阜県"');
    expect(differences[0].start.line).toBe(388);
    const project = await loadProject({ cwd: folder, dataDir: '.' });
    expect(allDiagnostics(project).filter((d) => d.severity === 'error')).toEqual([]);
    expect(project.meetings.get('fy2023-09')?.data.agenda.flatMap((a) => a.incidents ?? []).map((r) => (typeof r === 'string' ? r : r.ref))).toEqual([
      '2023-10-31-docomo',
      '2023-11-09-kyatchinettowaku',
    ]);
  });

  it('does not link an incident of the same operator that started at another time: its id is refused as before', async () => {
    const folder = await folderWith();
    await runImport([seed, '--out', folder], context);
    const second = await laterMeeting(folder, (t) => t.replace('① 令和5年11月9日 3時11分', '① 令和5年11月9日 4時11分'));
    const result = await runImport([second, '--out', folder, '--json'], context);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).files[0].blockedBy.map((f: string) => path.basename(f))).toEqual(['2023-11-09-kyatchinettowaku.md']);
  });

  it('with --force links nothing and overwrites, as --force always did', async () => {
    const folder = await folderWith();
    await runImport([seed, '--out', folder], context);
    const second = await laterMeeting(folder, (t) => t.replace('影響地域 愛知県', '影響地域 愛知県及び岐阜県'));
    const result = await runImport([second, '--out', folder, '--force', '--json'], context);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files[0].written).toHaveLength(3);
    expect(await readFile(path.join(folder, 'incidents/2023-11-09-kyatchinettowaku.md'), 'utf8')).toContain('region: 愛知県及び岐阜県');
  });
});
