import { mkdir, readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundledData, hasProgram, lookDir, requireRenderer } from '../support/build-bundled.js';

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = '/usr/bin/chromium';
const available = requireRenderer('chromium', await hasProgram('chromium'));

let outDir: string;
let pages: string[];
let browser: Browser | undefined;

beforeAll(async () => {
  ({ outDir } = await buildBundledData(['html']));
  pages = (await readdir(outDir)).filter((f) => f.endsWith('.html')).sort();
  if (available) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  }
});

afterAll(async () => {
  await browser?.close();
});

describe('the HTML pages', () => {
  it('are valid HTML (html-validate, zero errors)', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: { 'no-inline-style': 'error', 'long-title': 'off', 'no-trailing-whitespace': 'off', 'wcag/h63': 'off' },
    });
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) {
      const report = await validator.validateString(await readFile(path.join(outDir, page), 'utf8'), page);
      const errors = report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
      expect(errors).toEqual([]);
    }
  });

  it.runIf(available)('have zero axe-core violations in Chromium, request nothing outside output/, never scroll sideways, and are screenshotted', async () => {
    const shots = path.join(lookDir, 'screenshots');
    await mkdir(shots, { recursive: true });
    for (const page of pages) {
      for (const width of [1280, 360]) {
        const context = await browser!.newContext({ viewport: { width, height: 900 }, bypassCSP: false });
        const tab = await context.newPage();
        const outside: string[] = [];
        tab.on('request', (request) => {
          const url = request.url();
          if (!url.startsWith(pathToFileURL(outDir).href)) outside.push(url);
        });
        await tab.goto(pathToFileURL(path.join(outDir, page)).href);
        expect(outside).toEqual([]);
        await tab.screenshot({ path: path.join(shots, `${page.replace(/\.html$/, '')}-${width}.png`), fullPage: true });
        // Readable on a phone: nothing (a long URL, a wide table) makes the page itself scroll sideways; wide tables
        // scroll inside their own region.
        const widths = await tab.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
        expect(widths.page, `${page} at ${width} px`).toBeLessThanOrEqual(widths.view);
        if (width === 1280) {
          await tab.evaluate(axeSource);
          const violations = await tab.evaluate(async () => {
            const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
            const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map((v) => `${v.id}: ${v.nodes.length} nodes, e.g. ${JSON.stringify(v.nodes[0]?.target)}`);
          });
          expect(violations, page).toEqual([]);
        }
        await context.close();
      }
    }
  });
});
