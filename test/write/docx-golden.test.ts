import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundledData, repoRoot } from '../support/build-bundled.js';
import { docxPart } from '../support/extract-text.js';

const GOLDEN_MEETING = 'fy2025-01';
const goldenDir = path.join(repoRoot, 'test/fixtures/golden');

/** One element per line, indented by depth, so that a reviewer reads a diff instead of a blob. */
export function prettyXml(xml: string): string {
  const tokens = xml.replace(/>\s*</g, '><').split(/(?=<)|(?<=>)/).filter(Boolean);
  let depth = 0;
  const lines: string[] = [];
  for (const token of tokens) {
    if (token.startsWith('</')) depth = Math.max(0, depth - 1);
    const isText = !token.startsWith('<');
    if (isText && lines.length) lines[lines.length - 1] += token;
    else lines.push(`${'  '.repeat(depth)}${token}`);
    if (token.startsWith('<') && !token.startsWith('</') && !token.endsWith('/>') && !token.startsWith('<?')) depth++;
  }
  return lines.join('\n').replace(/(<[^/][^>]*>)([^<\n]*)\n\s*(<\/)/g, '$1$2$3') + '\n';
}

describe('Word output', () => {
  it('is byte-identical when built twice', async () => {
    const first = await buildBundledData(['docx']);
    const second = await buildBundledData(['docx']);
    for (const id of ['fy2022-08', 'fy2023-08', 'fy2024-08', 'fy2025-01']) {
      const a = await readFile(path.join(first.outDir, `${id}.docx`));
      const b = await readFile(path.join(second.outDir, `${id}.docx`));
      expect(a.length).toBeGreaterThan(5000);
      expect(a.equals(b), id).toBe(true);
    }
  });

  it('takes its document properties from the meeting, never from the clock', async () => {
    const { outDir } = await buildBundledData(['docx']);
    const core = docxPart(new Uint8Array(await readFile(path.join(outDir, 'fy2022-08.docx'))), 'docProps/core.xml');
    expect(core).toContain('<dc:title>電気通信事故検証会議（第8回）議事要旨</dc:title>');
    expect(core).toContain('<dc:subject>電気通信事故検証会議 令和4年度第8回</dc:subject>');
    expect(core).toContain('<dc:creator>電気通信事故検証会議事務局</dc:creator>');
    expect(core).toContain('<dc:language>ja-JP</dc:language>');
    expect(core).toContain('>2023-01-18T00:00:00Z</dcterms:created>');
    expect(core).toContain('>2023-01-18T00:00:00Z</dcterms:modified>');
  });

  it('uses named styles with Japanese fonts, fixed table grids, unsplittable short rows and real list numbering', async () => {
    const { outDir } = await buildBundledData(['docx']);
    const bytes = new Uint8Array(await readFile(path.join(outDir, 'fy2024-08.docx')));
    const styles = docxPart(bytes, 'word/styles.xml');
    // Line spacing as a multiple (auto): without the rule LibreOffice reads it as exact and cuts figures and charts.
    expect(styles).toContain('<w:spacing w:line="276" w:lineRule="auto"/>');
    for (const id of ['Body', 'MinutesTitle', 'SectionHeading', 'TableLabel', 'TableValue', 'SubHeading', 'ScheduleNote']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(styles).toContain('w:eastAsia="ＭＳ 明朝"');
    expect(styles).toContain('w:eastAsia="ＭＳ ゴシック"');
    const document = docxPart(bytes, 'word/document.xml');
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    expect(document).toContain('<w:cantSplit/>');
    expect(document).toContain('<w:pStyle w:val="ScheduleNote"/>');
    expect(document).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    // No direct font or size formatting in the body: the look lives in the styles.
    expect(document).not.toMatch(/<w:rFonts [^>]*w:eastAsia=/);
    expect(document).not.toContain('<w:sz ');
    const footer = docxPart(bytes, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
  });

  it('matches the reviewed goldens of document.xml, styles.xml and numbering.xml (UPDATE=1 rewrites them)', async () => {
    const { outDir } = await buildBundledData(['docx']);
    const bytes = new Uint8Array(await readFile(path.join(outDir, `${GOLDEN_MEETING}.docx`)));
    await mkdir(goldenDir, { recursive: true });
    for (const part of ['word/document.xml', 'word/styles.xml', 'word/numbering.xml']) {
      const pretty = prettyXml(docxPart(bytes, part));
      const golden = path.join(goldenDir, `${GOLDEN_MEETING}.${path.basename(part)}`);
      if (process.env.UPDATE === '1' || !existsSync(golden)) {
        if (process.env.CI === 'true' && !existsSync(golden)) throw new Error(`golden ${golden} is missing; run UPDATE=1 npm test and commit it`);
        await writeFile(golden, pretty);
      }
      expect(pretty, part).toBe(await readFile(golden, 'utf8'));
    }
  });
});

describe('Word files written by worker threads', () => {
  it('are byte-identical to the ones the main thread writes', async () => {
    const { writeSyntheticArchive } = await import('../../bench/synthetic-archive.js');
    const { loadProject } = await import('../../src/pipeline.js');
    const { buildProject, createBuildCaches } = await import('../../src/build.js');
    const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-workers-'));
    const ids = await writeSyntheticArchive(path.join(repoRoot, 'data'), root, 6);
    const project = await loadProject({ cwd: root, dataDir: 'data' });
    const build = (outDir: string, workers: boolean) =>
      buildProject(project, { cwd: root, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['docx'], workers });
    await build('main-thread', false);
    await build('workers', true);
    for (const id of ids) {
      const inMain = await readFile(path.join(root, 'main-thread', `${id}.docx`));
      const inWorker = await readFile(path.join(root, 'workers', `${id}.docx`));
      expect(inWorker.equals(inMain), id).toBe(true);
    }
    // Workers that run out of memory (here: a heap too small to even load the writer) leave the files to the main thread.
    // A 2 MB heap is raised to the smallest one no Node version treats as fatal (Node 22 and 24 aborted the whole run).
    const { DocxPool } = await import('../../src/write/docx/docx-pool.js');
    const starved = new DocxPool(2, 2);
    try {
      await buildProject(project, { cwd: root, outDir: 'starved', templatesDir: path.join(repoRoot, 'templates'), formats: ['docx'], caches: { ...createBuildCaches(), docxPool: starved } });
      expect(starved.liveWorkers).toBe(0);
    } finally {
      await starved.close();
    }
    for (const id of ids) {
      const inMain = await readFile(path.join(root, 'main-thread', `${id}.docx`));
      expect((await readFile(path.join(root, 'starved', `${id}.docx`))).equals(inMain), id).toBe(true);
    }
  });
});
