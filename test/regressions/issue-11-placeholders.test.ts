import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCleanFailure, makeProject, runMinutes } from '../support/small-project.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('a scaffold filled in only partly', () => {
  it('fails check with a located placeholder error per mark, and build publishes nothing of it', async () => {
    const dir = await makeProject({});
    made.push(dir);
    expect((await runMinutes(dir, ['new', 'incident', 'kddi', '--date', '2025-08-01'])).code).toBe(0);
    expect((await runMinutes(dir, ['new', 'meeting', '--date', '2025-09-10'])).code).toBe(0);
    const incidentFile = path.join(dir, 'data/incidents/2025-08-01-kddi.md');
    const meetingFile = path.join(dir, 'data/meetings/fy2025-01.md');
    // The editor fills in the operator and the meeting's reference, and nothing else.
    await writeFile(incidentFile, (await readFile(incidentFile, 'utf8')).replace('【要記入：事業者名】', 'KDDI株式会社'));
    await writeFile(meetingFile, (await readFile(meetingFile, 'utf8')).replace(/ref: 【要記入：[^】]*】/, 'ref: 2025-08-01-kddi'));

    const check = await runMinutes(dir, ['check', '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(isCleanFailure(check)).toBe(true);
    expect(check.stderr).toMatch(/2025-08-01-kddi\.md:\d+:\d+ +error +A placeholder "【要記入：障害内容】" is left in the record.* placeholder/);
    expect(check.stderr).toMatch(/fy2025-01\.md:\d+:\d+ +error .*【要記入：氏名】.* placeholder/);

    const build = await runMinutes(dir, ['build', '--format', 'html,docx', '--fragment']);
    expect(build.code).toBe(1);
    const outputs = await readdir(path.join(dir, 'output')).catch(() => [] as string[]);
    expect(outputs.filter((f) => f.startsWith('fy2025-01'))).toEqual([]);
    for (const name of outputs.filter((f) => !f.startsWith('.') && /\.(html|csv|json)$/.test(f))) {
      const text = await readFile(path.join(dir, 'output', name), 'utf8');
      expect(text, name).not.toContain('要記入');
      expect(text, name).not.toContain('KDDI');
    }
  });
});

describe('minutes new incident', () => {
  it('without the operator slug is a usage error that says what to type, and creates nothing', async () => {
    const dir = await makeProject({});
    made.push(dir);
    const result = await runMinutes(dir, ['new', 'incident', '--date', '2025-08-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('minutes new incident kddi');
    // One language per run (issue 13): Japanese by default, English with --lang en.
    expect(result.stderr).toContain('事業者の略称');
    const english = await runMinutes(dir, ['new', 'incident', '--date', '2025-08-01', '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain("needs the operator's slug");
    expect(await readdir(path.join(dir, 'data/incidents')).catch(() => [])).toEqual([]);
    const japanese = await runMinutes(dir, ['new', 'incident', '株式会社', '--date', '2025-08-01']);
    expect(japanese.code).toBe(2);
    expect(japanese.stderr).toContain('「株式会社」からは作れません');
  });
});
