import { mkdir, mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { loadProject } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';
import { buildBundledData, repoRoot } from '../support/build-bundled.js';
import { docxBodyText, docxPart, htmlMainText, normalizeForComparison } from '../support/extract-text.js';

const REPORT = 'report-example-email-outage';

/** Verbatim from seed 003 (the ministry's 記載例), in the form the report prints them. */
const seedFacts: string[] = JSON.parse(await readFile(path.join(repoRoot, 'test/fixtures/seed-facts/report-example-email-outage.json'), 'utf8'));

let html: string;
let docx: Uint8Array;

beforeAll(async () => {
  const { outDir } = await buildBundledData(['html', 'docx']);
  html = await readFile(path.join(outDir, `${REPORT}.html`), 'utf8');
  docx = new Uint8Array(await readFile(path.join(outDir, `${REPORT}.docx`)));
});

describe('the detailed report of seed 003', () => {
  it('carries every listed fact of the seed in the HTML and in the Word text', () => {
    const htmlText = normalizeForComparison(htmlMainText(html));
    const docxText = normalizeForComparison(docxBodyText(docx));
    expect(seedFacts.filter((f) => !htmlText.includes(normalizeForComparison(f)))).toEqual([]);
    expect(seedFacts.filter((f) => !docxText.includes(normalizeForComparison(f)))).toEqual([]);
  });

  it('gives HTML and Word the same text, ending with 以上', () => {
    const htmlText = normalizeForComparison(htmlMainText(html));
    expect(normalizeForComparison(docxBodyText(docx))).toBe(htmlText);
    expect(htmlText.endsWith('以上')).toBe(true);
  });

  it('follows the seed order of sections', () => {
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
    const order = ['事故の全体概要', 'システム構成', '正常時の動作の流れ', '事故発生時の動作の流れ', '影響利用者数の推移', '措置模様（事故対応状況）', '措置模様（連絡体制）', '発生原因と再発防止策', '管理工程ごとの発生原因', '再発防止策（暫定対処と恒久対処）', '利用者対応状況'];
    expect(headings.filter((h) => order.includes(h))).toEqual(order);
  });

  it('pairs each cause with the countermeasures that name it, in one table', () => {
    const table = /<caption>発生原因と再発防止策<\/caption>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const scaleRow = /１．委託業者による仮想基盤追加時の設定ミス[\s\S]*?<\/tr>/.exec(table)?.[0] ?? '';
    expect(scaleRow).toContain('仮想基盤追加時の設定手順書の委託業者への周知を徹底する体制を構築。');
    expect(scaleRow).toContain('仮想基盤追加時の設定手順に係る訓練を定期的に委託業者とともに実施する体制を構築。');
    expect(scaleRow).not.toContain('バックアップ');
  });

  it('writes no real date for a record whose dates are masked', () => {
    expect(htmlMainText(html)).not.toMatch(/平成\d|2000|1999/);
  });
});

describe('one record, two forms', () => {
  it('derives the minutes summary table from the report data when a meeting names the example', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-derive-'));
    await mkdir(path.join(root, 'data/incidents'), { recursive: true });
    await mkdir(path.join(root, 'data/meetings'), { recursive: true });
    await copyFile(path.join(repoRoot, 'data/incidents/example-email-outage.md'), path.join(root, 'data/incidents/example-email-outage.md'));
    await writeFile(
      path.join(root, 'data/meetings/fy2025-09.md'),
      ['---', 'type: meeting', 'fiscalYear: 2025', 'number: 9', 'date: "2026-02-10"', 'start: "10:00"', 'end: "11:00"', 'place: Web会議', 'agenda:',
        '  - text: 記載例について説明が行われた。', '    incidents: [example-email-outage]', '---', ''].join('\n'),
    );
    const project = await loadProject({ cwd: root, dataDir: 'data' });
    expect(allDiagnostics(project).filter((d) => d.severity === 'error')).toEqual([]);
    const outDir = path.join(root, 'output');
    await buildProject(project, { cwd: root, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['html'] });
    const table = htmlMainText(await readFile(path.join(outDir, 'fy2025-09.html'), 'utf8'));
    for (const expected of [
      '① 平成○年○月○日 12時0分',
      '① 2時間15分',
      '② 251時間40分',
      '最大58,990人（契約数ベース）',
      '電話：499件',
      '①電子メールの送受信ができない',
      '＜大規模化した原因＞',
      '委託業者による仮想基盤追加時の設定ミス',
      '＜恒久対処＞',
      '【平成○年○月○日実施完了予定】',
    ]) {
      expect(table).toContain(expected);
    }
    const register = await readFile(path.join(outDir, 'incidents.html'), 'utf8');
    expect(register).toContain('href="report-example-email-outage.html"');
    expect(register).toContain('令和7年度');
  });
});

describe('the affected users over time', () => {
  it('are drawn as an SVG chart in HTML and a native chart in Word, with the numbers in a table beside both', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-chart-'));
    await mkdir(path.join(root, 'data/incidents'), { recursive: true });
    const example = await readFile(path.join(repoRoot, 'data/incidents/example-email-outage.md'), 'utf8');
    const withPoints = example.replace(
      '    caption: 事故発生直後の推移\n',
      '    caption: 事故発生直後の推移\n    points:\n      - { at: "12:00", count: 31000 }\n      - { at: "13:00", count: 58990 }\n      - { at: "14:15", count: 12000 }\n',
    );
    expect(withPoints).not.toBe(example);
    await writeFile(path.join(root, 'data/incidents/example-email-outage.md'), withPoints);
    const project = await loadProject({ cwd: root, dataDir: 'data' });
    expect(allDiagnostics(project).filter((d) => d.severity === 'error')).toEqual([]);
    const outDir = path.join(root, 'output');
    await buildProject(project, { cwd: root, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['html', 'docx'] });
    const html = await readFile(path.join(outDir, `${REPORT}.html`), 'utf8');
    expect(html).toContain(`<img src="${REPORT}-users.svg" alt="事故発生直後の推移：12:00 31,000、13:00 58,990、14:15 12,000"`);
    const svg = await readFile(path.join(outDir, `${REPORT}-users.svg`), 'utf8');
    expect(svg).toContain('<title id="t">事故発生直後の推移</title>');
    expect(htmlMainText(html)).toContain('58,990');
    const docx = new Uint8Array(await readFile(path.join(outDir, `${REPORT}.docx`)));
    const chart = docxPart(docx, 'word/charts/chart1.xml');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('58990');
    expect(docxBodyText(docx)).toContain('58,990');
  });
});
