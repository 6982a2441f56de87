import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build.js';
import { loadProject } from '../../src/pipeline.js';
import { hasProgram, lookDir, repoRoot, requireRenderer, seedMeetings } from '../support/build-bundled.js';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const available = requireRenderer('chromium', await hasProgram('chromium'));
const documents = [...seedMeetings, 'report-example-email-outage'];

let outDir: string;
let browser: Browser | undefined;

/** What the ministry's CMS does with a fragment: its own page, its own <h1> (the title), the fragment below it. */
function cmsPage(title: string, fragment: string, withStylesheet: boolean): string {
  const link = withStylesheet ? '<link rel="stylesheet" href="fragment.css">\n' : '';
  return `<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n${link}</head>\n<body>\n<main>\n<h1>${title}</h1>\n${fragment}</main>\n</body>\n</html>\n`;
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-fragment-'));
  const project = await loadProject({ cwd: repoRoot, dataDir: 'data' });
  await buildProject(project, { cwd: repoRoot, outDir, templatesDir: path.join(repoRoot, 'templates'), formats: ['html'], fragment: true, fragmentHeading: 2 });
  for (const id of documents) {
    const page = await readFile(path.join(outDir, `${id}.html`), 'utf8');
    const title = /<title>([^<]*)<\/title>/.exec(page)![1];
    const fragment = await readFile(path.join(outDir, `${id}.fragment.html`), 'utf8');
    await writeFile(path.join(outDir, `${id}.cms-bare.html`), cmsPage(title, fragment, false));
    await writeFile(path.join(outDir, `${id}.cms-styled.html`), cmsPage(title, fragment, true));
  }
  if (available) {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'] });
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('the CMS fragment', () => {
  it('leaves the title to the CMS page, starts at h2, and ships its stylesheet scoped to its wrapper', async () => {
    const css = await readFile(path.join(outDir, 'fragment.css'), 'utf8');
    const selectors = css.replace(/\/\*[^]*?\*\//g, '').match(/[^{}]+(?=\{)/g)!.flatMap((group) => group.split(',').map((s) => s.trim()));
    expect(selectors.length).toBeGreaterThan(5);
    for (const selector of selectors) expect(selector).toMatch(/^\.minutes-fragment\b/);
    for (const id of documents) {
      const fragment = await readFile(path.join(outDir, `${id}.fragment.html`), 'utf8');
      expect(fragment.startsWith('<div class="minutes-fragment" lang="ja">')).toBe(true);
      expect(fragment).not.toMatch(/<h1\b/);
      expect(/<h(\d)\b/.exec(fragment)?.[1]).toBe('2');
    }
  });

  it('is valid HTML inside a CMS page, with and without the stylesheet', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'error', 'long-title': 'off', 'no-trailing-whitespace': 'off', 'wcag/h63': 'off' } });
    for (const id of documents) {
      for (const variant of ['bare', 'styled']) {
        const name = `${id}.cms-${variant}.html`;
        const report = await validator.validateString(await readFile(path.join(outDir, name), 'utf8'), name);
        expect(report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${name}:${m.line} ${m.ruleId} ${m.message}`))).toEqual([]);
      }
    }
  });

  it.runIf(available)('has zero axe-core violations in Chromium with and without fragment.css, which draws the borders and ・ bullets', async () => {
    const shots = path.join(lookDir, 'fragments');
    await mkdir(shots, { recursive: true });
    for (const id of documents) {
      for (const variant of ['bare', 'styled'] as const) {
        const tab = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
        await tab.goto(pathToFileURL(path.join(outDir, `${id}.cms-${variant}.html`)).href);
        if (id === 'fy2025-01') await tab.screenshot({ path: path.join(shots, `${id}-${variant}.png`), fullPage: true });
        const look = await tab.evaluate(() => ({
          border: getComputedStyle(document.querySelector('.minutes-fragment th')!).borderTopStyle,
          bullet: document.querySelector('.minutes-fragment ul') ? getComputedStyle(document.querySelector('.minutes-fragment ul')!).listStyleType : undefined,
          // Outside the wrapper the CMS page keeps its own look.
          titleFont: getComputedStyle(document.querySelector('h1')!).fontSize,
        }));
        expect(look.border, `${id} ${variant}`).toBe(variant === 'styled' ? 'solid' : 'none');
        if (look.bullet !== undefined) expect(look.bullet).toBe(variant === 'styled' ? '"・"' : 'disc');
        expect(look.titleFont).toBe('32px');
        await tab.evaluate(axeSource);
        const violations = await tab.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
          return result.violations.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${JSON.stringify(v.nodes[0]?.target)}`);
        });
        expect(violations, `${id} ${variant}`).toEqual([]);
        await tab.close();
      }
    }
  }, 600_000);
});
