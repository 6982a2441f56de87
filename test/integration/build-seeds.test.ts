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

      it('writes 情報周知 as a row header over two rows: rowspan in HTML, a vertical merge in Word', async () => {
        const { html, docx } = await outputs(id);
        const tables = html.match(/<table class="incident-table">/g)?.length ?? 0;
        expect(tables).toBeGreaterThan(0);
        expect(html.match(/<th scope="row" rowspan="2" class="vertical"><p>情報周知<\/p>/g)?.length).toBe(tables);
        const xml = docxPart(docx, 'word/document.xml');
        expect(xml.match(/<w:vMerge w:val="restart"\/>/g)?.length ?? 0).toBeGreaterThanOrEqual(tables);
        // The label cell starts a vertical merge and is written top to bottom: with the tbRl text direction, or, where
        // its rows may be longer than a page (LibreOffice cannot break such rows), one character per line.
        const upright = xml.match(/<w:vMerge w:val="restart"\/><w:shd [^>]*\/><w:textDirection w:val="tbRl"\/>/g)?.length ?? 0;
        const stacked = xml.match(/<w:vMerge w:val="restart"\/>(?:(?!<\/w:tc>)[\s\S])*?<w:t[^>]*>情<\/w:t><\/w:r><w:r><w:br\/><\/w:r><w:r><w:t[^>]*>報<\/w:t>/g)?.length ?? 0;
        expect(upright + stacked).toBe(tables);
      });
    });
  }

  it('prints the computed weekday （水） for 2023-01-18, where the original had （火）', async () => {
    const { htmlText, docxText } = await outputs('fy2022-08');
    expect(htmlText).toContain('令和5年1月18日(水)10:00~12:00');
    expect(docxText).toContain('令和5年1月18日(水)10:00~12:00');
    expect(htmlText).not.toContain('(火)');
  });
});
