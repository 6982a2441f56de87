import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { loadProject } from '../../src/pipeline.js';
import { repoRoot } from '../support/build-bundled.js';
import { makeProject, runMinutes, smallIncident, smallMeeting } from '../support/small-project.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function bundledCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-last-good-'));
  made.push(dir);
  await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

const read = (dir: string, name: string) => readFile(path.join(dir, 'output', name), 'utf8');
type Register = { counts: unknown; incidents: { id: string; meetings: { href: string }[] }[] };
/** The register's rows of the incidents a meeting showed (one row per incident, naming its meetings). */
const rowsOf = (register: Register, meeting: string) => register.incidents.filter((r) => r.meetings.some((m) => m.href === `${meeting}.html`));

describe('a document whose file is broken', () => {
  it('keeps its page and its rows on the index, the register, the CSV, the JSON and the chart, and build and check say so', async () => {
    const dir = await bundledCopy();
    expect((await runMinutes(dir, ['build'])).code).toBe(0);
    const before = { register: JSON.parse(await read(dir, 'incidents.json')) as Register, csv: await read(dir, 'incidents.csv'), chart: await read(dir, 'incidents-by-year.svg'), page: await read(dir, 'fy2023-08.html') };

    // A YAML slip makes fy2023-08 unreadable; fy2024-08 is corrected at the same time.
    const broken = path.join(dir, 'data/meetings/fy2023-08.md');
    await writeFile(broken, (await readFile(broken, 'utf8')).replace('place: Web会議', 'place: "Web会議'));
    const other = path.join(dir, 'data/meetings/fy2024-08.md');
    await writeFile(other, (await readFile(other, 'utf8')).replace(/^title: .*$/m, (line) => line).replace('place: Web会議', 'place: 総務省会議室'));

    const result = await runMinutes(dir, ['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('yaml-syntax');
    expect(result.stderr).toMatch(/前回の正常な状態を公開中 +fy2023-08/);
    expect(await read(dir, 'fy2024-08.html')).toContain('総務省会議室');
    expect(await read(dir, 'fy2023-08.html')).toBe(before.page);
    expect(await read(dir, 'index.html')).toContain('href="fy2023-08.html"');
    const register = JSON.parse(await read(dir, 'incidents.json')) as Register;
    expect(rowsOf(register, 'fy2023-08')).toEqual(rowsOf(before.register, 'fy2023-08'));
    expect(rowsOf(register, 'fy2023-08').length).toBeGreaterThan(0);
    expect(register.counts).toEqual(before.register.counts);
    expect(await read(dir, 'incidents.csv')).toBe(before.csv);
    expect(await read(dir, 'incidents-by-year.svg')).toBe(before.chart);
    expect(await read(dir, 'incidents.html')).toContain('fy2023-08.html');

    const check = await runMinutes(dir, ['check', '--lang', 'en']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('kept from the last good state: fy2023-08');

    // Fixed: listed afresh, and no longer "kept".
    await writeFile(broken, (await readFile(broken, 'utf8')).replace('place: "Web会議', 'place: Web会議'));
    const fixed = await runMinutes(dir, ['build']);
    expect(fixed.code).toBe(0);
    expect(fixed.stderr).not.toContain('前回の正常な状態');
  });

  it('when it is an incident (invalid UTF-8), keeps its meeting’s rows and its report on the index', async () => {
    const dir = await bundledCopy();
    expect((await runMinutes(dir, ['build'])).code).toBe(0);
    const before = JSON.parse(await read(dir, 'incidents.json')) as Register;
    const meeting = await readFile(path.join(dir, 'data/meetings/fy2025-01.md'), 'utf8');
    const incident = /incidents: \[?\s*-?\s*(?:ref: )?([0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+)/.exec(meeting)?.[1] ?? /ref: (\S+)/.exec(meeting)![1];
    await writeFile(path.join(dir, 'data/incidents', `${incident}.md`), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]));
    await writeFile(path.join(dir, 'data/incidents/example-email-outage.md'), 'not front matter');
    const result = await runMinutes(dir, ['build']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/前回の正常な状態を公開中 +.*fy2025-01/);
    expect(result.stderr).toMatch(/前回の正常な状態を公開中 +.*report-example-email-outage/);
    const register = JSON.parse(await read(dir, 'incidents.json')) as Register;
    expect(rowsOf(register, 'fy2025-01')).toEqual(rowsOf(before, 'fy2025-01'));
    expect(await read(dir, 'index.html')).toContain('href="report-example-email-outage.html"');
  });
});

describe('the register', () => {
  it('counts an incident shown at two meetings once in the yearly counts', async () => {
    const second = smallMeeting.replace('number: 3', 'number: 4').replace('date: "2025-09-10"', 'date: "2025-10-10"');
    const dir = await makeProject({ 'meetings/fy2025-03.md': smallMeeting, 'meetings/fy2025-04.md': second, 'incidents/2025-08-01-test.md': smallIncident('', '原因。') });
    made.push(dir);
    const result = await runMinutes(dir, ['build']);
    expect(result.code).toBe(0);
    const register = JSON.parse(await read(dir, 'incidents.json')) as { incidents: { meetings: unknown[] }[]; counts: { total: number }[] };
    // One row per incident (issue 12), naming both meetings that showed it.
    expect(register.incidents).toHaveLength(1);
    expect(register.incidents[0].meetings).toHaveLength(2);
    expect(register.counts.map((c) => c.total)).toEqual([1]);
  });
});

describe('a report with a chart', () => {
  it('is byte-reproducible, embedded workbook included, across builds seconds apart', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-xlsx-'));
    made.push(root);
    await mkdir(path.join(root, 'data/incidents'), { recursive: true });
    const example = await readFile(path.join(repoRoot, 'data/incidents/example-email-outage.md'), 'utf8');
    const withPoints = example.replace('    caption: 事故発生直後の推移\n', '    caption: 事故発生直後の推移\n    points:\n      - { at: "12:00", count: 31000 }\n      - { at: "13:00", count: 58990 }\n');
    await writeFile(path.join(root, 'data/incidents/example-email-outage.md'), withPoints);
    const build = async (out: string) => {
      const project = await loadProject({ cwd: root, dataDir: 'data' });
      await buildProject(project, { cwd: root, outDir: path.join(root, out), templatesDir: path.join(repoRoot, 'templates'), formats: ['docx'] });
      return new Uint8Array(await readFile(path.join(root, out, 'report-example-email-outage.docx')));
    };
    const first = await build('a');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const second = await build('b');
    expect(Object.keys(unzipSync(first)).some((name) => name.endsWith('.xlsx'))).toBe(true);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
