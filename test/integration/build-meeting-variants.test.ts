/**
 * The meeting variants of test/fixtures/variants/ (synthetic meetings): each passes `check --strict` (no error, no
 * warning) and prints exactly what its data gives, the same in the HTML and in the Word text.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { loadProject } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';
import { repoRoot } from '../support/build-bundled.js';
import { docxBodyText, htmlMainText } from '../support/extract-text.js';

const variantsDir = path.join(repoRoot, 'test/fixtures/variants');

/** Builds one variant folder; returns its diagnostics and the printed text of one meeting, in both formats. */
async function buildVariant(variant: string, id: string) {
  const cwd = path.join(variantsDir, variant);
  const project = await loadProject({ cwd, dataDir: 'data' });
  const outDir = await mkdtemp(path.join(os.tmpdir(), `minutes-${variant}-`));
  await buildProject(project, { cwd, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['html', 'docx'] });
  const html = htmlMainText(await readFile(path.join(outDir, `${id}.html`), 'utf8'));
  const docx = docxBodyText(new Uint8Array(await readFile(path.join(outDir, `${id}.docx`))));
  const index = htmlMainText(await readFile(path.join(outDir, 'index.html'), 'utf8'));
  const register = htmlMainText(await readFile(path.join(outDir, 'incidents.html'), 'utf8'));
  return { diagnostics: allDiagnostics(project), html, docx, index, register };
}

type Built = Awaited<ReturnType<typeof buildVariant>>;

/** The non-empty lines of the HTML text (one paragraph or heading a line). */
const linesOf = (built: Built) => built.html.split('\n').filter((line) => line.trim() !== '');

describe('a meeting with no incident (meeting-no-incident)', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildVariant('meeting-no-incident', 'fy2025-02');
  });

  it('passes check --strict', () => {
    expect(built.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('prints its agenda with the 資料 it names and no incident table', () => {
    const expected = [
      '電気通信事故検証会議（第2回）議事要旨',
      '1 日 時：令和7年7月15日（火）14:00～15:30',
      '3 出席者（敬称略）',
      '（1）事務局から、電気通信事故の発生状況について説明が行われた。（資料2-1）',
      '（2）事務局から、今後の検証の進め方について説明が行われ、了承された。（資料2-2、資料2-3）',
    ];
    expect(linesOf(built)).toEqual(expect.arrayContaining(expected));
    for (const line of expected) expect(built.docx).toContain(line);
    expect(built.html).not.toContain('事故の概要');
    expect(built.html.trim().endsWith('以上')).toBe(true);
  });

  it('gives HTML and Word the same text', () => {
    expect(built.docx).toBe(linesOf(built).join(''));
  });
});

describe('a meeting whose number, times and place are not given (meeting-unknown-values)', () => {
  let built: Built;
  beforeAll(async () => {
    built = await buildVariant('meeting-unknown-values', 'fy2025-unknown');
  });

  it('passes check --strict, saying which checks it skipped', () => {
    expect(built.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(built.diagnostics.map((d) => `${d.start.line} ${d.id}`).sort()).toEqual(['7 check-skipped', '9 check-skipped']);
  });

  it('prints each value as the data gives it, in the HTML and in the Word text', () => {
    const expected = [
      '電気通信事故検証会議（回次不明）議事概要',
      '1 日 時：令和7年10月8日（水）（時刻非公表）',
      '2 場 所：非公表 ※警備上の理由により非公表',
      '3 出席者',
      '＜構成員＞（五十音順、敬称略）',
      '甲野座長、乙山座長代理、丙川',
      '（以上3名）',
      '＜説明者＞',
      '株式会社テスト通信',
      '＜事務局＞',
      '（総合通信基盤局）',
      '丁田 電気通信事業部長',
      '戊井 安全・信頼性対策課長',
      '（大臣官房）',
      '己野 参事官',
      '（1）【報告案件】株式会社テスト通信から、令和7年9月に発生した事故について説明が行われた。（資料8-1、資料8-2）（提出資料は非公表）',
      '（2）作業班から、検証の状況について報告が行われた。（非公開）',
    ];
    const lines = linesOf(built);
    for (const line of expected) {
      expect(lines).toContain(line);
      expect(built.docx).toContain(line);
    }
    expect(built.docx).toBe(lines.join(''));
  });

  it('prints no made-up number or time, and no 敬称略 heading the data does not give', () => {
    for (const text of [built.html, built.docx]) {
      expect(text).not.toMatch(/第\d+回/);
      expect(text).not.toMatch(/\d+:\d{2}/);
      expect(text).not.toContain('出席者（敬称略）');
      expect(text).not.toContain('議事要旨');
    }
  });

  it('lists the meeting in the index and in the incident register as 回次不明', () => {
    expect(built.index).toContain('令和7年度回次不明');
    expect(built.register).toContain('令和7年度回次不明（令和7年10月8日（水））');
    expect(built.register).not.toContain('undefined');
  });

  it('still shows the incident an item of a meeting without a number examines', () => {
    expect(built.html).toContain('音声通話が利用できない状態となった。');
    expect(built.docx).toContain('音声通話が利用できない状態となった。');
  });
});
