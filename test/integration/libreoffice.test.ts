import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBundledData, hasProgram, lookDir, requireRenderer, seedMeetings, repoRoot } from '../support/build-bundled.js';
import { docxBodyText, normalizeForComparison } from '../support/extract-text.js';

const run = promisify(execFile);
const available = requireRenderer('LibreOffice (soffice) and poppler-utils', (await hasProgram('soffice')) && (await hasProgram('pdftotext')));

let outDir: string;
let pdfDir: string;

beforeAll(async () => {
  ({ outDir } = await buildBundledData(['docx']));
  if (!available) return;
  pdfDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-pdf-'));
  const profile = await mkdtemp(path.join(os.tmpdir(), 'minutes-lo-'));
  const docs = (await readdir(outDir)).filter((f) => f.endsWith('.docx')).map((f) => path.join(outDir, f));
  await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', pdfDir, ...docs], {
    timeout: 600_000,
  });
}, 900_000);

describe.runIf(available)('the Word files in LibreOffice', () => {
  for (const id of [...seedMeetings, 'report-example-email-outage']) {
    it(`converts ${id}.docx to a PDF whose text holds the seed's facts`, async () => {
      const pdf = path.join(pdfDir, `${id}.pdf`);
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
  }
});
