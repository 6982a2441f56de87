import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { readImportText, UnsupportedImportFile } from '../../src/import/read-import-text.js';
import { readNoticeCell } from '../../src/import/read-notice-cell.js';
import { flowText } from '../../src/import/locate-labels.js';
import { runImport } from '../../src/import/run-import.js';
import type { ImportNote } from '../../src/import/source-lines.js';
import { repoRoot } from '../support/build-bundled.js';

const seed = path.join(repoRoot, 'test/fixtures/seeds/002_13e97b1109b1ca1a.txt');
const context = { cwd: repoRoot, toolDataDir: path.join(repoRoot, 'data') };
let out: string;

beforeEach(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'minutes-import-run-'));
});

describe('minutes import', () => {
  it('never overwrites an existing record: a clear error names it, and the file stays as it was', async () => {
    expect((await runImport([seed, '--out', out], context)).code).toBe(0);
    const meeting = path.join(out, 'meetings/fy2023-08.md');
    await writeFile(meeting, 'edited by hand\n');
    const again = await runImport([seed, '--out', out, '--lang', 'en'], context);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('nothing written: these exist already (--force overwrites)');
    expect(again.stdout).toContain('meetings/fy2023-08.md');
    expect(await readFile(meeting, 'utf8')).toBe('edited by hand\n');
  });

  it('overwrites with --force', async () => {
    await runImport([seed, '--out', out], context);
    const meeting = path.join(out, 'meetings/fy2023-08.md');
    await writeFile(meeting, 'edited by hand\n');
    expect((await runImport([seed, '--out', out, '--force'], context)).code).toBe(0);
    expect(await readFile(meeting, 'utf8')).toContain('type: meeting');
  });

  it('reports with --json what it recognised, where it wrote, the command to check and the located warnings', async () => {
    const result = await runImport([seed, '--out', out, '--json'], context);
    const report = JSON.parse(result.stdout);
    const file = report.files[0];
    expect(file.meeting).toMatchObject({ id: 'fy2023-08', number: 8, date: '2023-12-20', start: '15:00', end: '16:21' });
    expect(file.incidents.map((i: { id: string }) => i.id)).toEqual(['2023-10-31-docomo', '2023-11-09-kyatchinettowaku']);
    expect(file.written).toHaveLength(3);
    expect(file.check).toMatch(/^npx minutes check /);
    expect(file.diagnostics.length).toBeGreaterThan(0);
    for (const d of file.diagnostics) expect(d).toMatchObject({ id: 'import-uncertain', severity: 'warning', file: path.relative(repoRoot, seed) });
  });

  it('writes nothing for a text that is not minutes, and says so', async () => {
    const notice = path.join(out, 'notice.txt');
    await writeFile(notice, 'お知らせ\n\n障害は復旧しました。\n');
    const result = await runImport([notice, '--out', out, '--lang', 'en'], { ...context, cwd: out });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('not read as minutes');
    await expect(readFile(path.join(out, 'meetings/import-notice.md'), 'utf8')).rejects.toThrow();
  });

  it('refuses a file that is not .txt, .pdf or .docx', async () => {
    await expect(runImport([path.join(out, 'minutes.doc')], context)).rejects.toBeInstanceOf(UnsupportedImportFile);
  });

  it('keeps the uncertain text verbatim in the record under a marked comment, and writes a status word as the source gives it', async () => {
    const copy = path.join(out, 'minutes.txt');
    await copyFile(path.join(repoRoot, 'test/fixtures/invalid/import-uncertain/import/minutes.txt'), copy);
    await runImport([copy, '--out', out], { ...context, cwd: out });
    const incident = await readFile(path.join(out, 'incidents/2025-08-02-sanpuru.md'), 'utf8');
    expect(incident).toContain('# import-uncertain:');
    expect(incident).toContain('# minutes.txt:12  影響利用者数「約1,200人（推計）ほか多数」を数として読めません');
    expect(incident).toContain('#   原文: 約1,200人（推計）ほか多数');
    expect(incident).toContain('affectedUsers: 約1,200人（推計）ほか多数');
    expect(incident).toContain('duration: 調査中');
  });
});

describe('reading inputs', () => {
  it('reads a .docx paragraph by paragraph, with a break line between', async () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>電気通信事故検証会議（第1回）議事要旨</w:t></w:r></w:p><w:p><w:r><w:t>場 所：</w:t></w:r><w:r><w:t xml:space="preserve">Web会議 &amp; 本省</w:t></w:r></w:p></w:body></w:document>';
    const docx = path.join(out, 'minutes.docx');
    await writeFile(docx, zipSync({ 'word/document.xml': strToU8(xml) }));
    expect((await readImportText(docx)).text.split('\n')).toEqual(['電気通信事故検証会議（第1回）議事要旨', ' ', '場 所：Web会議 & 本省', ' ']);
  });
});

describe('the 情報周知 cell', () => {
  it('separates 自社サイト from その他 when extraction interleaved their labels with the text', () => {
    const lines = ['情', '報', '自社', '令和４年10月20日午後、謝罪文を掲載', '周', '知', 'サイ', 'ト', 'その', '他', '-'].map((text, i) => ({ text, line: i + 1 }));
    const notes: ImportNote[] = [];
    const cell = readNoticeCell(flowText(lines), 0, notes);
    expect(cell.site.map((l) => l.text)).toEqual(['令和４年10月20日午後、謝罪文を掲載']);
    expect(cell.other.map((l) => l.text)).toEqual(['-']);
    expect(notes).toEqual([]);
  });

  it('does not take a sentence starting with その他 for the label', () => {
    const lines = ['情報周知', '自社サイト', 'その他の周知は行っていない。', 'その他 －'].map((text, i) => ({ text, line: i + 1 }));
    const cell = readNoticeCell(flowText(lines), 0, []);
    expect(cell.site.map((l) => l.text)).toEqual(['その他の周知は行っていない。']);
    expect(cell.other.map((l) => l.text)).toEqual(['－']);
  });
});
