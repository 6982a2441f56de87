/**
 * Issue 15's round trip on the synthetic archive: `npx tsx bench/import-round-trip.ts [meetings=100]` writes the
 * archive (bench/synthetic-archive.ts), builds it to Word, converts the Word files to PDF as `build --format pdf`
 * does (LibreOffice, the style map's fonts), imports every PDF with `minutes import` (each into a folder of its own:
 * the synthetic meetings vary their incidents' facts, which a shared folder would link to the first record), builds
 * each again and compares the document text, spacing aside. Prints the times, the text agreement and the meetings
 * whose text differs.
 */
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildProject } from '../src/build.js';
import { runImport } from '../src/import/run-import.js';
import { loadProject } from '../src/pipeline.js';
import { allDiagnostics } from '../src/project.js';
import { convertDocxToPdf } from '../src/write/convert-pdf.js';
import { loadStyleMap } from '../src/write/docx/read-style-map.js';
import { htmlMainText, normalizeForComparison } from '../test/support/extract-text.js';
import { eightGramShare } from '../test/support/import-agreement.js';
import { writeSyntheticArchive } from './synthetic-archive.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const count = Number(process.argv[2] ?? 100);
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const work = await mkdtemp(path.join(os.tmpdir(), 'minutes-import-bench-'));
const ids = await writeSyntheticArchive(path.join(repoRoot, 'data'), work, count);
let t = performance.now();
const original = await loadProject({ cwd: work, dataDir: 'data' });
await buildProject(original, { cwd: work, outDir: path.join(work, 'out'), templatesDir: path.join(repoRoot, 'templates'), formats: ['html', 'docx'] });
process.stdout.write(`build ${count} meetings (html+docx): ${seconds(t)} s\n`);

t = performance.now();
// The PDFs as the tool publishes them (build --format pdf): its own conversion, fonts as the style map maps them.
const pdfDir = path.join(work, 'out');
const docs = ids.map((id) => ({ docx: path.join(work, 'out', `${id}.docx`) }));
await convertDocxToPdf(docs, pdfDir, loadStyleMap(path.join(repoRoot, 'templates')).fonts);
process.stdout.write(`LibreOffice, ${count} Word files → PDF: ${seconds(t)} s\n`);

let importTime = 0;
let buildTime = 0;
let errors = 0;
let warnings = 0;
let identical = 0;
const differing: string[] = [];
let minKept = 1;
let minAdded = 1;
for (const id of ids) {
  const folder = path.join(work, 'imported', id);
  await cp(path.join(repoRoot, 'data/codes'), path.join(folder, 'codes'), { recursive: true });
  t = performance.now();
  const result = await runImport([path.join(pdfDir, `${id}.pdf`), '--out', folder, '--json'], { cwd: work, toolDataDir: path.join(repoRoot, 'data') });
  importTime += performance.now() - t;
  warnings += JSON.parse(result.stdout).files[0].diagnostics.length;
  t = performance.now();
  const project = await loadProject({ cwd: folder, dataDir: '.' });
  errors += allDiagnostics(project).filter((d) => d.severity === 'error').length;
  const outDir = path.join(folder, 'out');
  await buildProject(project, { cwd: folder, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['html'] });
  buildTime += performance.now() - t;
  const built = (await readdir(outDir)).find((f) => f.startsWith('fy') && f.endsWith('.html'));
  const before = normalizeForComparison(htmlMainText(await readFile(path.join(work, 'out', `${id}.html`), 'utf8')));
  const after = built ? normalizeForComparison(htmlMainText(await readFile(path.join(outDir, built), 'utf8'))) : '';
  if (before === after) identical++;
  else differing.push(`${id} ${(100 * eightGramShare(before, after)).toFixed(2)} %/${(100 * eightGramShare(after, before)).toFixed(2)} %`);
  minKept = Math.min(minKept, eightGramShare(before, after));
  minAdded = Math.min(minAdded, eightGramShare(after, before));
}
process.stdout.write(
  `import ${count} PDFs: ${(importTime / 1000).toFixed(1)} s (${(importTime / count).toFixed(0)} ms each); check + build again: ${(buildTime / 1000).toFixed(1)} s\n` +
    `errors after import: ${errors}; import-uncertain warnings: ${warnings}; identical text: ${identical}/${count}; ` +
    `lowest 8-gram share kept ${(100 * minKept).toFixed(2)} %, lowest share of the result found in the original ${(100 * minAdded).toFixed(2)} %\n` +
    (differing.length ? `differing (8-grams kept/found): ${differing.join('; ')}\n` : ''),
);
