/**
 * The package shell kept on disk (src/write/docx/shell-cache.ts), so that a build whose shell is known does not load
 * the docx package: read back only when intact and made for the same docx version, style map and code; anything else
 * computes the shell again, with the same bytes in the Word file.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocTree } from '../../src/doc-tree/types.js';
import { DocxPackageShell } from '../../src/write/docx/package-shell.js';
import { loadStyleMap } from '../../src/write/docx/read-style-map.js';
import { readCachedShell } from '../../src/write/docx/shell-cache.js';
import { computeShellParts } from '../../src/write/docx/shell-template.js';
import { writeDocx } from '../../src/write/docx/write-docx.js';
import { repoRoot } from '../support/build-bundled.js';

const styleMap = loadStyleMap(path.join(repoRoot, 'templates'));
const tree: DocTree = { title: '題', lang: 'ja', blocks: [{ type: 'list', ordered: true, items: [{ children: [{ type: 'paragraph', children: [{ type: 'text', text: '項目' }] }] }] }] };
const write = (shell: DocxPackageShell) =>
  writeDocx(tree, { styleMap, shell, resolveFigure: () => undefined, properties: { title: '題', subject: '件名', creator: '作成者', date: '2025-06-12' } });
const cacheFile = (dir: string) => {
  const files = readdirSync(dir).filter((f) => f.startsWith('docx-shell-'));
  expect(files).toHaveLength(1);
  return path.join(dir, files[0]);
};

describe('the package shell kept on disk', () => {
  it('is written once computed, read back by the next shell, and gives the same Word file', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-shell-'));
    const first = new DocxPackageShell(styleMap, { codeHash: 'code-1', cacheDir });
    const computed = await write(first);
    const stored = readCachedShell({ styleMap, codeHash: 'code-1', folder: cacheDir });
    expect(stored).toEqual(computeShellParts(styleMap));
    const second = new DocxPackageShell(styleMap, { codeHash: 'code-1', cacheDir });
    expect(Buffer.from(await write(second)).equals(Buffer.from(computed))).toBe(true);
    // Written by a shell that was given the parts (a worker thread's), the same bytes again.
    expect(Buffer.from(await write(new DocxPackageShell(styleMap, { parts: stored }))).equals(Buffer.from(computed))).toBe(true);
  });

  it('is not read for another code hash or another style map', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-shell-'));
    await new DocxPackageShell(styleMap, { codeHash: 'code-1', cacheDir }).parts();
    expect(readCachedShell({ styleMap, codeHash: 'code-1', folder: cacheDir })).toBeDefined();
    expect(readCachedShell({ styleMap, codeHash: 'code-2', folder: cacheDir })).toBeUndefined();
    const edited = { ...styleMap, lists: { ...styleMap.lists, bullet: '◆' } };
    expect(readCachedShell({ styleMap: edited, codeHash: 'code-1', folder: cacheDir })).toBeUndefined();
  });

  it('keeps the shells of the latest code hashes only', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-shell-'));
    for (let i = 1; i <= 10; i++) await new DocxPackageShell(styleMap, { codeHash: `code-${i}`, cacheDir }).parts();
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('docx-shell-'))).toHaveLength(8);
    expect(readCachedShell({ styleMap, codeHash: 'code-10', folder: cacheDir })).toBeDefined();
  });

  it('is computed again when the file on disk is damaged, and the file is written anew', async () => {
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-shell-'));
    const expected = await write(new DocxPackageShell(styleMap, { codeHash: 'code-1', cacheDir }));
    const file = cacheFile(cacheDir);
    const intact = readFileSync(file, 'utf8');
    const damages = {
      truncated: intact.slice(0, intact.length / 2),
      'a part edited, its checksum left': intact.replace('<w:styles', '<w:stylez'),
      'another key': intact.replace(/"key":"[0-9a-f]+"/, `"key":"${'0'.repeat(64)}"`),
      empty: '',
    };
    for (const [damage, text] of Object.entries(damages)) {
      writeFileSync(file, text);
      expect(readCachedShell({ styleMap, codeHash: 'code-1', folder: cacheDir }), damage).toBeUndefined();
      const bytes = await write(new DocxPackageShell(styleMap, { codeHash: 'code-1', cacheDir }));
      expect(Buffer.from(bytes).equals(Buffer.from(expected)), damage).toBe(true);
      expect(readFileSync(file, 'utf8'), damage).toBe(intact);
    }
  });

  it('is not needed when the folder cannot be written: the shell is computed', async () => {
    const missing = path.join(await mkdtemp(path.join(os.tmpdir(), 'minutes-shell-')), 'file-not-folder');
    writeFileSync(missing, 'a file where the cache folder would be');
    const bytes = await write(new DocxPackageShell(styleMap, { codeHash: 'code-1', cacheDir: path.join(missing, 'cache') }));
    expect(Buffer.from(bytes).equals(Buffer.from(await write(new DocxPackageShell(styleMap))))).toBe(true);
    expect(existsSync(path.join(missing, 'cache'))).toBe(false);
  });
});

/** The modules a source file imports at load time (static, not type-only), as resolved paths or package names. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((m) => (m[1].startsWith('.') ? path.resolve(path.dirname(file), m[1].replace(/\.js$/, '.ts')) : m[1]));
}

describe('the Word writer', () => {
  it('loads the docx package only on demand: no static import from the writer or its worker reaches it', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const target of staticImports(file)) if (target.startsWith('/')) visit(target);
      else reached.add(target);
    };
    const docxDir = path.join(repoRoot, 'src/write/docx');
    visit(path.join(docxDir, 'write-docx.ts'));
    visit(path.join(docxDir, 'docx-worker.ts'));
    expect(reached.size).toBeGreaterThan(10);
    expect([...reached].filter((m) => m === 'docx' || m.startsWith('docx/'))).toEqual([]);
    expect(reached.has(path.join(docxDir, 'shell-template.ts'))).toBe(false);
    // The one module that loads it, imported on demand.
    expect(staticImports(path.join(docxDir, 'shell-template.ts'))).toContain('docx');
    expect(readFileSync(path.join(docxDir, 'package-shell.ts'), 'utf8')).toContain("await import('./shell-template.js')");
  });
});
