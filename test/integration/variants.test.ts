/**
 * The variants real records need beyond the four seed meetings (issue 10): test/fixtures/variants/ holds clearly
 * synthetic (架空) records, one per variant. Each is checked, built to HTML and Word, and its printed text is read back
 * from both: the unzipped .docx, not trusted.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { readCodes } from '../../src/load/read-codes.js';
import { validateSources } from '../../src/pipeline.js';
import { listMarkdownFiles } from '../../src/load/list-markdown.js';
import { readSource } from '../../src/load/read-source.js';
import { allDiagnostics, type Project } from '../../src/project.js';
import { repoRoot } from '../support/build-bundled.js';
import { docxBodyText, htmlMainText, normalizeForComparison } from '../support/extract-text.js';

const fixture = path.join(repoRoot, 'test/fixtures/variants/incident-variants');
let project: Project;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-variants-'));
  // The variants use the tool's own code tables (data/codes), as a user's data folder does.
  const files = listMarkdownFiles(path.join(fixture, 'data')).map((f) => readSource(f, fixture));
  project = validateSources(files, path.join(fixture, 'data'), readCodes(path.join(repoRoot, 'data')));
  await buildProject(project, { cwd: fixture, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['html', 'docx'] });
});

async function texts(id: string): Promise<string[]> {
  const html = normalizeForComparison(htmlMainText(await readFile(path.join(outDir, `${id}.html`), 'utf8')));
  const docx = normalizeForComparison(docxBodyText(new Uint8Array(await readFile(path.join(outDir, `${id}.docx`)))));
  return [html, docx];
}

/** Asserts that both formats print every expected text, and none of the forbidden ones. */
async function expectPrinted(id: string, expected: string[], forbidden: string[] = []) {
  for (const text of await texts(id)) {
    for (const e of expected) expect(text).toContain(normalizeForComparison(e));
    for (const f of forbidden) expect(text).not.toContain(normalizeForComparison(f));
  }
}

describe('records of the real world (synthetic variants)', () => {
  it('checks clean: no error and no warning, and says which checks it skipped and why', () => {
    const found = allDiagnostics(project);
    expect(found.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(found.map((d) => `${path.basename(d.file)} ${d.id}`).sort()).toEqual([
      '2018-09-06-kaku-heisei.md thresholds-unknown',
      '2025-04-14-kaku-unknowns.md check-skipped',
      '2025-04-14-kaku-unknowns.md check-skipped',
      '2025-05-20-kaku-revised.md check-skipped',
    ]);
  });

  it('shows each operator with its own times, durations, areas and counts', async () => {
    await expectPrinted('fy2025-01', [
      '発生日時架空通信株式会社令和7年1月10日 9時0分架空モバイル株式会社令和7年1月10日 9時20分',
      '継続時間架空通信株式会社5時間架空モバイル株式会社2時間30分',
      '影響地域架空通信株式会社東京都、神奈川県架空モバイル株式会社東京都',
    ]);
  });

  it('labels occurrences by network generation and does not repeat an identical start in the caption', async () => {
    await expectPrinted('fy2025-01', ['① 4G/5G：令和7年2月3日 2時15分', '② 3G：5時間', '最大約44万6000回線'], [
      '令和7年2月3日 2時15分、令和7年2月3日 2時15分発生',
    ]);
  });

  it('splits the impact into 停止 and 品質低下 with their own counts and areas, and a count inside another', async () => {
    await expectPrinted('fy2025-01', [
      '影響利用者数停止約3万回線品質低下（つながりにくい）約20万回線うち緊急通報：約1万回線',
      '影響地域停止大阪府品質低下（つながりにくい）近畿2府4県',
      '一 緊急通報を取り扱う音声伝送役務二 緊急通報を取り扱わない音声伝送役務',
    ]);
  });

  it('prints unknown, undisclosed and provisional values as the words, never a made-up value', async () => {
    await expectPrinted(
      'fy2025-01',
      ['令和7年4月14日 17時頃', '継続時間不明', '影響利用者数非公表※競合上の理由により非公表', '影響地域不明', '問合せ件数調査中', '区分調査中'],
      ['17時0分', '0時0分', '1分', '0人'],
    );
  });

  it('keeps a revised count with its history, and prints a part of the day and a provisional duration', async () => {
    await expectPrinted('fy2025-01', ['延べ約1290万人（当初約200万人（速報、令和7年5月20日））', '令和7年5月20日 午前', '26時間（暫定）']);
  });

  it('writes a 平成 incident in 平成 and the class as reported under the table of its time', async () => {
    await expectPrinted('fy2018-01', ['平成30年9月6日 3時8分', '四 一の項から三の項までに掲げる電気通信役務以外の電気通信役務']);
  });
});

describe('the register of the synthetic variants', () => {
  it('counts each class within its table version, and a class whose table was not in force as －, not 0', async () => {
    const register = JSON.parse(await readFile(path.join(outDir, 'incidents.json'), 'utf8'));
    const year = (fiscalYear: number) => register.counts.find((c: { fiscalYear: number }) => c.fiscalYear === fiscalYear);
    const count = (fiscalYear: number, numeral: string) => year(fiscalYear).byClass.find((b: { numeral: string }) => b.numeral === numeral)?.count;
    // 平成30年度: 四 was the residual class of the 2015 table, counted apart from today's 四; 五 did not exist yet.
    expect(count(2018, '四（2015年～の表）')).toBe(1);
    expect(count(2018, '五')).toBeNull();
    expect(count(2018, '二')).toBeNull();
    // 令和6年度 and 令和7年度: today's table; an incident of two classes counts in both, a pending class as 調査中.
    expect(count(2024, '一')).toBe(1);
    expect(count(2024, '二')).toBe(2);
    expect(count(2025, '調査中')).toBe(1);
    expect(count(2024, '四（2015年～の表）')).toBeNull();
    const page = await readFile(path.join(outDir, 'incidents.html'), 'utf8');
    expect(page).toContain('区分四（2015年～の表）');
  });

  it('keeps each operator with its occurrences and unknown values as null in incidents.json, valid against its schema', async () => {
    const register = JSON.parse(await readFile(path.join(outDir, 'incidents.json'), 'utf8'));
    const schema = JSON.parse(await readFile(path.join(outDir, 'incidents.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(register), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const byId = (id: string) => register.incidents.find((i: { id: string }) => i.id === id);
    expect(byId('2025-01-10-kaku-two-operators').occurrences.map((o: { operator: string; durationMinutes: number }) => [o.operator, o.durationMinutes])).toEqual([
      ['架空通信株式会社', 300],
      ['架空モバイル株式会社', 150],
    ]);
    const unknowns = byId('2025-04-14-kaku-unknowns');
    expect(unknowns.occurrences[0]).toMatchObject({ occurredAt: '2025-04-14T17+09:00', duration: null, durationMinutes: null, recoveredAt: null });
    expect(unknowns.totalDurationMinutes).toBeNull();
    expect(byId('2025-02-03-kaku-generations').affectedUsers[0].value).toBe(446000);
  });
});
