import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStyleMap } from '../../src/write/docx/read-style-map.js';
import { convertDocxToPdf } from '../../src/write/convert-pdf.js';
import { buildBundledData, hasProgram, lookDir, requireRenderer, seedMeetings, repoRoot } from '../support/build-bundled.js';
import { docxBodyText, docxParagraphLines, normalizeForComparison } from '../support/extract-text.js';
import { figureAltTexts, flattenStructure, readStructureTree } from '../support/pdf-structure.js';
import { PNG } from '../support/tiny-png.js';

const run = promisify(execFile);
const available = requireRenderer('LibreOffice (soffice) and poppler-utils', (await hasProgram('soffice')) && (await hasProgram('pdftotext')));
const documents = [...seedMeetings, 'report-example-email-outage'];

/** A 1×1 PNG, standing in for a 機器構成図 whose image the seed lost. */
const FIGURE_ALT = 'システム構成と信号の流れ（通常時）';

let outDir: string;
let figureOutDir: string;

/** The bundled data with one real image in place of its placeholder (fy2024-08, NTT docomo). */
async function dataWithFigure(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-figure-data-'));
  await cp(path.join(repoRoot, 'data'), dir, { recursive: true });
  await mkdir(path.join(dir, 'figures'), { recursive: true });
  await writeFile(path.join(dir, 'figures/docomo-normal.png'), PNG);
  const incident = path.join(dir, 'incidents/2024-12-06-docomo.md');
  await writeFile(incident, (await readFile(incident, 'utf8')).replace(`![${FIGURE_ALT}]()`, `![${FIGURE_ALT}](../figures/docomo-normal.png)`));
  return dir;
}

beforeAll(async () => {
  if (!available) return;
  // The production path: build with --format html,pdf (the Word files are written for the conversion).
  ({ outDir } = await buildBundledData(['html', 'pdf']));
  ({ outDir: figureOutDir } = await buildBundledData(['html', 'pdf'], await dataWithFigure()));
}, 900_000);

const pdfOf = (id: string) => path.join(outDir, `${id}.pdf`);

/** Heading levels of the page's <main>, in order: what the PDF's H1…H4 must repeat. */
function htmlHeadingLevels(html: string): string[] {
  const main = html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
  return [...main.matchAll(/<h([1-6])\b/g)].map((m) => `H${m[1]}`);
}

describe.runIf(available)('the Word files in LibreOffice', () => {
  for (const id of documents) {
    it(`converts ${id}.docx to a PDF whose text holds the seed's facts`, async () => {
      const pdf = pdfOf(id);
      const { stdout: info } = await run('pdfinfo', [pdf]);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(40);
      const { stdout } = await run('pdftotext', ['-raw', pdf, '-']);
      const pdfText = normalizeForComparison(stdout);
      const facts: string[] = JSON.parse(await readFile(path.join(repoRoot, 'test/fixtures/seed-facts', `${id}.json`), 'utf8'));
      const docxText = normalizeForComparison(docxBodyText(new Uint8Array(await readFile(path.join(outDir, `${id}.docx`)))));
      // Facts short enough not to be broken by a page break; -raw keeps a wrapped cell's lines together.
      const checkable = facts.map(normalizeForComparison).filter((f) => f.length <= 14 && docxText.includes(f));
      expect(checkable.length).toBeGreaterThanOrEqual(10);
      const missing = checkable.filter((f) => !pdfText.includes(f));
      expect(missing).toEqual([]);
      expect(pdfText).toContain('以上');
      expect(pdfText).toContain('-1-');
      const pngDir = path.join(lookDir, 'pages');
      await mkdir(pngDir, { recursive: true });
      await run('pdftoppm', ['-png', '-r', '60', pdf, path.join(pngDir, id)]);
    });

    it(`writes ${id}.pdf tagged, titled, in Japanese, dated like its Word file, with the page's headings and tables`, async () => {
      const pdf = pdfOf(id);
      const { stdout: info } = await run('pdfinfo', [pdf]);
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      const html = await readFile(path.join(outDir, `${id}.html`), 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(html)![1];
      expect(info).toContain(`Title:           ${title}`);
      const bytes = (await readFile(pdf)).toString('latin1');
      expect(bytes).toMatch(/\/Lang\(ja-JP\)/);
      expect(bytes).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
      expect(bytes).toMatch(/\/DisplayDocTitle\s*true/);
      // Dated from the record, as the Word file is (docProps/core.xml), never from the clock.
      const core = strFromU8(unzipSync(new Uint8Array(await readFile(path.join(outDir, `${id}.docx`))))['docProps/core.xml']);
      const created = /<dcterms:created[^>]*>(\d{4})-(\d\d)-(\d\d)T/.exec(core)!;
      expect(bytes).toContain(`/CreationDate(D:${created[1]}${created[2]}${created[3]}000000Z')`);
      expect(bytes).toContain(`<xmp:CreateDate>${created[1]}-${created[2]}-${created[3]}T00:00:00Z</xmp:CreateDate>`);

      const elements = flattenStructure(await readStructureTree(pdf));
      const headings = elements.filter((e) => /^H[1-6]$/.test(e.type)).map((e) => e.type);
      expect(headings).toEqual(htmlHeadingLevels(html));
      const tables = elements.filter((e) => e.type === 'Table');
      expect(tables.length).toBe((html.match(/<table\b/g) ?? []).length);
      for (const table of tables) expect(flattenStructure(table).some((e) => e.type === 'TH')).toBe(true);
      if (/<li\b/.test(html)) expect(elements.some((e) => e.type === 'L')).toBe(true);
    });

    it(`breaks no Latin word or number of ${id} at a line end`, async () => {
      const { stdout } = await run('pdftotext', [pdfOf(id), '-']);
      const paragraphs = docxParagraphLines(new Uint8Array(await readFile(path.join(outDir, `${id}.docx`)))).split('\n');
      const stripped = paragraphs.map(normalizeForComparison);
      const lines = stdout.split('\n');
      const broken: string[] = [];
      for (let i = 0; i + 1 < lines.length; i++) {
        const tail = /[A-Za-z0-9]+$/.exec(lines[i])?.[0];
        const head = /^[A-Za-z0-9]+/.exec(lines[i + 1])?.[0];
        if (!tail || !head) continue;
        // The paragraph the two lines belong to (they may end one paragraph and start the next).
        const junction = normalizeForComparison(lines[i]).slice(-8) + normalizeForComparison(lines[i + 1]).slice(0, 8);
        const paragraph = paragraphs[stripped.findIndex((text) => text.includes(junction))];
        // `S` + `ervice` is one word there (Service); `Amazon` + `Aurora` is not (Amazon Aurora).
        if (paragraph?.includes(tail + head) && !paragraph.includes(`${tail} ${head}`)) broken.push(`${tail}/${head}`);
      }
      expect(broken).toEqual([]);
    });
  }

  it('keeps every agenda item on the page where its incident table starts', async () => {
    for (const id of seedMeetings) {
      const { stdout } = await run('pdftotext', ['-layout', pdfOf(id), '-']);
      for (const page of stdout.split('\f')) {
        const lines = page.split('\n').map((l) => l.trim()).filter((l) => l && !/^-\d+-$/.test(l));
        expect(lines.at(-1) ?? '', `${id}: a page ends with an item's introduction`).not.toMatch(/以下のとおり。$/);
      }
    }
  });

  it("repeats the report's 連絡体制 header row on every page the table runs over", async () => {
    const { stdout } = await run('pdftotext', ['-layout', pdfOf('report-example-email-outage'), '-']);
    const pages = stdout.split('\f');
    // A row of the table: its circled number, then its time 【…】.
    const withRows = pages.filter((page) => /^\s*[①-⑳]\s+【/m.test(page));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(page).toMatch(/番号\s+時刻\s+内容\s+連絡元\s+連絡先/);
  });

  it('gives a figure its alt text (/Alt) in the PDF', async () => {
    const pdf = path.join(figureOutDir, 'fy2024-08.pdf');
    const figures = flattenStructure(await readStructureTree(pdf)).filter((e) => e.type === 'Figure');
    expect(figures.length).toBe(1);
    expect(await figureAltTexts(pdf)).toEqual([FIGURE_ALT]);
  });

  it('converts the same Word file to the same PDF bytes', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'minutes-pdf-again-'));
    await cp(path.join(outDir, 'fy2025-01.docx'), path.join(copy, 'fy2025-01.docx'));
    await convertDocxToPdf([{ docx: path.join(copy, 'fy2025-01.docx'), date: '2025-06-12' }], copy, loadStyleMap(path.join(repoRoot, 'templates')).fonts);
    expect((await readFile(path.join(copy, 'fy2025-01.pdf'))).equals(await readFile(pdfOf('fy2025-01')))).toBe(true);
  }, 120_000);
});
