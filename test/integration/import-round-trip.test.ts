/**
 * Issue 15's round trip: the meetings in data/ built to Word, turned into PDF by LibreOffice, imported with
 * `minutes import` (pdftotext, and the PDF's structure tree for the tables inside cells), checked and built again give
 * the same document text, spacing aside, for every meeting; the tables inside a section come back as tables and the
 * two Microsoft companies as two operators with their own counts.
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { convertDocxToPdf } from '../../src/write/convert-pdf.js';
import { loadStyleMap } from '../../src/write/docx/read-style-map.js';
import { runImport } from '../../src/import/run-import.js';
import { loadProject } from '../../src/pipeline.js';
import { allDiagnostics, type Project } from '../../src/project.js';
import { buildBundledData, hasProgram, repoRoot, requireRenderer, seedMeetings } from '../support/build-bundled.js';
import { htmlMainText, normalizeForComparison } from '../support/extract-text.js';
import { eightGramShare } from '../support/import-agreement.js';

const available = requireRenderer('LibreOffice (soffice) and poppler-utils', (await hasProgram('soffice')) && (await hasProgram('pdftotext')));

let original: string;
let imported: Project;
let rebuilt: string;
let importSeconds: number;
let importedFromWord: Project;
let rebuiltFromWord: string;

beforeAll(async () => {
  if (!available) return;
  const built = await buildBundledData(['docx', 'html']);
  original = built.outDir;
  // The PDFs as the tool publishes them (build --format pdf): its own conversion, fonts as the style map maps them.
  const pdfDir = original;
  const docs = seedMeetings.map((id) => ({ docx: path.join(original, `${id}.docx`) }));
  await convertDocxToPdf(docs, original, loadStyleMap(path.join(repoRoot, 'templates')).fonts);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'minutes-rt-data-'));
  await cp(path.join(repoRoot, 'data/codes'), path.join(folder, 'codes'), { recursive: true });
  const started = performance.now();
  const result = await runImport([...seedMeetings.map((id) => path.join(pdfDir, `${id}.pdf`)), '--out', folder], { cwd: repoRoot, toolDataDir: path.join(repoRoot, 'data') });
  importSeconds = (performance.now() - started) / 1000;
  expect(result.code).toBe(0);
  imported = await loadProject({ cwd: folder, dataDir: '.' });
  rebuilt = await mkdtemp(path.join(os.tmpdir(), 'minutes-rt-out-'));
  await buildProject(imported, { cwd: folder, outDir: rebuilt, templatesDir: path.join(repoRoot, 'templates'), formats: ['html'] });
  // The same with the Word files (tables inside cells from the table XML, list markers from numbering.xml).
  const docxFolder = await mkdtemp(path.join(os.tmpdir(), 'minutes-rt-docx-'));
  await cp(path.join(repoRoot, 'data/codes'), path.join(docxFolder, 'codes'), { recursive: true });
  const fromWord = await runImport([...seedMeetings.map((id) => path.join(original, `${id}.docx`)), '--out', docxFolder], { cwd: repoRoot, toolDataDir: path.join(repoRoot, 'data') });
  expect(fromWord.code).toBe(0);
  importedFromWord = await loadProject({ cwd: docxFolder, dataDir: '.' });
  rebuiltFromWord = await mkdtemp(path.join(os.tmpdir(), 'minutes-rt-docx-out-'));
  await buildProject(importedFromWord, { cwd: docxFolder, outDir: rebuiltFromWord, templatesDir: path.join(repoRoot, 'templates'), formats: ['html'] });
}, 900_000);

describe.runIf(available)('data/ → Word → LibreOffice PDF → import → build', () => {
  it('imports the four PDFs into records that check accepts', () => {
    expect(allDiagnostics(imported).filter((d) => d.severity === 'error')).toEqual([]);
    expect([...imported.meetings.keys()].sort()).toEqual([...seedMeetings].sort());
    process.stdout.write(`round trip: import of 4 PDFs took ${importSeconds.toFixed(2)} s\n`);
  });

  for (const id of seedMeetings) {
    it(`gives ${id} back with the same text, spacing aside (8-grams ≥ 99 % both ways; differences printed)`, async () => {
      const before = normalizeForComparison(htmlMainText(await readFile(path.join(original, `${id}.html`), 'utf8')));
      const after = normalizeForComparison(htmlMainText(await readFile(path.join(rebuilt, `${id}.html`), 'utf8')));
      let same = 0;
      while (same < before.length && before[same] === after[same]) same++;
      const kept = eightGramShare(before, after);
      const added = eightGramShare(after, before);
      process.stdout.write(
        `${id}: ${before.length} → ${after.length} characters, identical for the first ${same}; 8-grams kept ${(100 * kept).toFixed(2)} %, ` +
          `8-grams of the result found in the original ${(100 * added).toFixed(2)} %\n  first difference: …${before.slice(same, same + 40)}… became …${after.slice(same, same + 40)}…\n`,
      );
      expect(after === before, `${id}: the text differs from character ${same}`).toBe(true);
    });
  }

  it('gives every meeting back with the same text from the Word files too, tables inside cells as tables', async () => {
    expect(allDiagnostics(importedFromWord).filter((d) => d.severity === 'error')).toEqual([]);
    for (const id of seedMeetings) {
      const before = normalizeForComparison(htmlMainText(await readFile(path.join(original, `${id}.html`), 'utf8')));
      const after = normalizeForComparison(htmlMainText(await readFile(path.join(rebuiltFromWord, `${id}.html`), 'utf8')));
      expect(after === before, `${id} from Word: the text differs`).toBe(true);
    }
    const mixi = importedFromWord.incidents.get('2024-12-06-mixi')?.file.text ?? '';
    expect(mixi).toContain('| MG01（第一世代） | ドコモ、ソフトバンク | ドコモ | 有 |');
    expect(mixi).toContain('- 全端末のうち');
    expect(mixi).toContain('## 情報周知');
  });

  it('gives the tables inside a section back as tables, and each operator of a shared table its own counts', () => {
    const body = (id: string) => imported.incidents.get(id)?.file.text ?? '';
    expect(body('2024-12-06-mixi')).toContain('| MT04（トーク端末） | ドコモ、KDDI、ソフトバンク | ドコモ、KDDI、ソフトバンク | 無 |');
    expect(body('2025-04-26-kubell')).toContain('| ● 掲載終了日時 | 2025/04/26 19:00:00 | 2025/04/26 19:00:00 |');
    const microsoft = imported.incidents.get('2022-12-02-microsoft')?.data as { operators: { name: string; affectedUsers?: unknown }[] } | undefined;
    expect(microsoft?.operators.map((o) => [o.name, o.affectedUsers !== undefined])).toEqual([
      ['日本マイクロソフト株式会社', true],
      ['マイクロソフト・アイルランド・オペレーションズ・リミテッド', true],
    ]);
  });
});
