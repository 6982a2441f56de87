import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { loadProject } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';
import { docxBodyText, docxPart, htmlMainText, normalizeForComparison } from '../support/extract-text.js';

const root = path.resolve(import.meta.dirname, '../..');
const factsDir = path.join(root, 'test/fixtures/seed-facts');
const seedMeetings = ['fy2022-08', 'fy2023-08', 'fy2024-08', 'fy2025-01'];

let outDir: string;
let diagnostics: ReturnType<typeof allDiagnostics>;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-seeds-'));
  const project = await loadProject({ cwd: root, dataDir: 'data' });
  diagnostics = allDiagnostics(project);
  await buildProject(project, { cwd: root, outDir, templatesDir: path.join(root, 'templates'), formats: ['html', 'docx'] });
});

async function outputs(id: string) {
  const html = await readFile(path.join(outDir, `${id}.html`), 'utf8');
  const docx = new Uint8Array(await readFile(path.join(outDir, `${id}.docx`)));
  return { html, docx, htmlText: normalizeForComparison(htmlMainText(html)), docxText: normalizeForComparison(docxBodyText(docx)) };
}

describe('building the bundled data', () => {
  it('finds no errors in the four real meetings', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('writes a .docx and an .html for each of the four meetings', async () => {
    const files = (await readdir(outDir)).sort();
    for (const id of seedMeetings) expect(files).toEqual(expect.arrayContaining([`${id}.docx`, `${id}.html`]));
  });

  for (const id of seedMeetings) {
    describe(id, () => {
      it('carries every fact of the seed in the HTML and in the Word text', async () => {
        const facts: string[] = JSON.parse(await readFile(path.join(factsDir, `${id}.json`), 'utf8'));
        expect(facts.length).toBeGreaterThanOrEqual(25);
        const { htmlText, docxText } = await outputs(id);
        const missingInHtml = facts.filter((f) => !htmlText.includes(normalizeForComparison(f)));
        const missingInDocx = facts.filter((f) => !docxText.includes(normalizeForComparison(f)));
        expect(missingInHtml).toEqual([]);
        expect(missingInDocx).toEqual([]);
      });

      it('gives HTML and Word the same text in the same order', async () => {
        const { htmlText, docxText } = await outputs(id);
        expect(docxText.length).toBeGreaterThan(500);
        expect(docxText).toBe(htmlText);
      });

      it('ends with 以上 in both formats', async () => {
        const { htmlText, docxText } = await outputs(id);
        expect(htmlText.endsWith('以上')).toBe(true);
        expect(docxText.endsWith('以上')).toBe(true);
      });

      it('writes 情報周知 as a row header over the rows the record has: rowspan in HTML, a vertical merge in Word', async () => {
        const { html, docx } = await outputs(id);
        const labels = [...html.matchAll(/<th scope="row"(?: rowspan="(\d)")? class="vertical"><p>情報周知<\/p>/g)];
        expect(labels.length).toBeGreaterThan(0);
        const merged = labels.filter((m) => m[1] === '2').length;
        const xml = docxPart(docx, 'word/document.xml');
        expect(xml.match(/<w:vMerge w:val="restart"\/>/g)?.length ?? 0).toBeGreaterThanOrEqual(merged);
        // The label cell is written top to bottom: with the tbRl text direction, or, where its rows may be longer than
        // a page (LibreOffice cannot break such rows), one character per line.
        const upright = xml.match(/<w:textDirection w:val="tbRl"\/>(?:(?!<\/w:tc>)[\s\S])*?情報周知/g)?.length ?? 0;
        const stacked = xml.match(/<w:t[^>]*>情<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t[^>]*>報<\/w:t>/g)?.length ?? 0;
        expect(upright + stacked).toBe(labels.length);
      });
    });
  }

  it('prints only the 情報周知 rows a record has: none for seed 001 ア, 自社サイト alone for seed 002 SMS', async () => {
    const fy2022 = (await outputs('fy2022-08')).html;
    const ア = fy2022.slice(fy2022.indexOf('令和4年12月17日'), fy2022.indexOf('令和4年12月20日'));
    expect(ア).toContain('再発防止策');
    expect(ア).not.toContain('情報周知');
    const fy2023 = (await outputs('fy2023-08')).html;
    const sms = fy2023.slice(0, fy2023.indexOf('株式会社キャッチネットワークから'));
    expect(sms).toMatch(/<th scope="row" class="vertical"><p>情報周知<\/p>\s*<\/th><th scope="row"><p>自社サイト<\/p>/);
    expect(sms).not.toContain('<p>その他</p>');
  });

  it('prints the computed weekday （水） for 2023-01-18, where the original had （火）', async () => {
    const { htmlText, docxText } = await outputs('fy2022-08');
    expect(htmlText).toContain('令和5年1月18日(水)10:00~12:00');
    expect(docxText).toContain('令和5年1月18日(水)10:00~12:00');
    expect(htmlText).not.toContain('(火)');
  });
});
