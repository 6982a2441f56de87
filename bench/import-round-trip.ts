/**
 * Issue 15's round trip on the synthetic archive: `npx tsx bench/import-round-trip.ts [meetings=100]` writes the
 * archive (bench/synthetic-archive.ts), builds it to Word, converts the Word files to PDF with LibreOffice, imports
 * every PDF with `minutes import` (each into a folder of its own: the synthetic meetings share their incidents'
 * dates and operators, so their ids would collide in one folder, and the importer never overwrites), builds each
 * again and compares the document text, spacing aside. Prints the times and the text agreement.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildProject } from '../src/build.js';
import { runImport } from '../src/import/run-import.js';
import { loadProject } from '../src/pipeline.js';
import { allDiagnostics } from '../src/project.js';
import { htmlMainText, normalizeForComparison } from '../test/support/extract-text.js';
import { eightGramShare } from '../test/support/import-agreement.js';
import { writeSyntheticArchive } from './synthetic-archive.js';

const run = promisify(execFile);
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
const pdfDir = path.join(work, 'pdf');
const profile = await mkdtemp(path.join(os.tmpdir(), 'minutes-import-bench-lo-'));
const docs = ids.map((id) => path.join(work, 'out', `${id}.docx`));
await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, ...docs], { timeout: 3_600_000, maxBuffer: 64 * 1024 * 1024 });
process.stdout.write(`LibreOffice, ${count} Word files → PDF: ${seconds(t)} s\n`);

let importTime = 0;
let buildTime = 0;
let errors = 0;
let warnings = 0;
let identical = 0;
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
  minKept = Math.min(minKept, eightGramShare(before, after));
  minAdded = Math.min(minAdded, eightGramShare(after, before));
}
process.stdout.write(
  `import ${count} PDFs: ${(importTime / 1000).toFixed(1)} s (${(importTime / count).toFixed(0)} ms each); check + build again: ${(buildTime / 1000).toFixed(1)} s\n` +
    `errors after import: ${errors}; import-uncertain warnings: ${warnings}; identical text: ${identical}/${count}; ` +
    `lowest 8-gram share kept ${(100 * minKept).toFixed(2)} %, lowest share of the result found in the original ${(100 * minAdded).toFixed(2)} %\n`,
);
