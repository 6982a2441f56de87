import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { loadProject } from '../../src/pipeline.js';
import { buildBundledData, repoRoot, seedMeetings } from '../support/build-bundled.js';
import { htmlMainText } from '../support/extract-text.js';

describe('the site pages', () => {
  it('list every meeting on the index, newest first, with relative links and download sizes', async () => {
    const { outDir } = await buildBundledData();
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
    const order = [...html.matchAll(/<a href="(fy\d{4}-\d\d)\.html">/g)].map((m) => m[1]);
    expect(order).toEqual([...seedMeetings].sort().reverse());
    expect(html).toMatch(/<a href="fy2022-08\.docx">Word（\d+KB）<\/a>/);
    expect(html).not.toMatch(/href="(https?:|\/)/);
    const text = htmlMainText(html);
    expect(text).toContain('令和5年1月18日（水）');
    expect(text).toContain('株式会社kubell');
  });

  it('write a register of every incident once, as HTML, CSV with a BOM, and JSON', async () => {
    const { outDir, project } = await buildBundledData();
    const references = [...project.meetings.values()].flatMap((m) => m.data.agenda.flatMap((a) => a.incidents ?? []));
    const incidentIds = new Set(references.map((r) => (typeof r === 'string' ? r : r.ref)));
    const json = JSON.parse(await readFile(path.join(outDir, 'incidents.json'), 'utf8'));
    expect(json.incidents.map((i: { id: string }) => i.id).sort()).toEqual([...incidentIds].sort());
    const csv = await readFile(path.join(outDir, 'incidents.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF事故ID,事故の名称,')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(incidentIds.size + 1);
    const register = await readFile(path.join(outDir, 'incidents.html'), 'utf8');
    for (const id of seedMeetings) expect(register).toContain(`href="${id}.html"`);
    expect(register).toContain('<img src="incidents-by-year.svg" alt="発生年度別・区分別の事故件数。');
    const total = json.counts.reduce((sum: number, c: { total: number }) => sum + c.total, 0);
    expect(total).toBe(incidentIds.size);
  });

  it('carry a corrected figure into the minutes table and the register', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-correct-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    const file = path.join(dir, 'data/incidents/2025-04-26-kubell.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^region: .*$/m, 'region: 全国（一部地域を除く）'));
    const project = await loadProject({ cwd: dir, dataDir: 'data' });
    await buildProject(project, { cwd: dir, outDir: 'output', templatesDir: path.join(repoRoot, 'templates'), formats: ['html'] });
    expect(await readFile(path.join(dir, 'output/fy2025-01.html'), 'utf8')).toContain('全国（一部地域を除く）');
    expect(await readFile(path.join(dir, 'output/incidents.csv'), 'utf8')).toContain('全国（一部地域を除く）');
    expect(await readFile(path.join(dir, 'output/incidents.html'), 'utf8')).toContain('全国（一部地域を除く）');
  });
});
