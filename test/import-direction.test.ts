import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Imports run one way (STYLE.md): model ← schema ← load ← validate ← normalize ← render ← write. This reads the
 * import statements of every file under src/ (type-only imports count too: they tie the layers just the same) and
 * checks that no file imports from a layer above its own.
 */
const src = path.resolve(import.meta.dirname, '../src');

/** The rank of each layer, lowest first. A root file is placed by what it is; other folders sit above them all. */
const layers: Record<string, number> = {
  model: 0,
  diagnostics: 1,
  schema: 1,
  load: 2,
  validate: 3,
  'project.ts': 3, // the validated records: what load and validate made of a data folder
  normalize: 4,
  render: 5,
  'doc-tree': 5,
  write: 6,
};

/**
 * Upward imports not yet removed, each with its reason. The test fails when one disappears, so that this list only
 * shrinks.
 */
const knownUpward = [
  // The Markdown check renders each field to find what the writers cannot write: the markdown-it instance and
  // markupToTree would have to move below validate/ first.
  'validate/rules/markdown-content.ts → render/markdown.ts',
  'validate/rules/markdown-content.ts → render/markup-to-tree.ts',
  'validate/rules/markdown-content.ts → write/resolve-figure.ts',
  'validate/rules/markdown-content.ts → document-types.ts',
  // The chart's data type lives with the SVG writer.
  'render/render-report.ts → write/svg/bar-chart.ts',
  'render/rendered-publication.ts → write/svg/bar-chart.ts',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The src/-relative files a file imports (static, re-exported and dynamic imports; packages left out). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s*'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s*'([^']+)'/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => path.relative(src, path.resolve(path.dirname(file), s)).replace(/\.js$/, '.ts').split(path.sep).join('/'));
}

/** The layer of a src/-relative file: its top folder, or the file itself at the root. */
const layerOf = (relative: string) => relative.split('/')[0];

const files = sourceFiles(src).map((file) => ({ relative: path.relative(src, file).split(path.sep).join('/'), imports: importsOf(file) }));

describe('the direction of imports', () => {
  it('reads the imports of every source file', () => {
    // A reading that found nothing would pass everything below.
    expect(files.length).toBeGreaterThan(100);
    const schemaCommon = files.find((f) => f.relative === 'schema/common.ts');
    expect(schemaCommon?.imports).toContain('model/date-time.ts');
    expect(files.flatMap((f) => f.imports).every((i) => files.some((f) => f.relative === i))).toBe(true);
  });

  it('model/ imports nothing outside model/', () => {
    const outside = files.filter((f) => layerOf(f.relative) === 'model').flatMap((f) => f.imports.filter((i) => layerOf(i) !== 'model').map((i) => `${f.relative} → ${i}`));
    expect(outside).toEqual([]);
  });

  it('schema/ imports only model/ and itself', () => {
    const outside = files
      .filter((f) => layerOf(f.relative) === 'schema')
      .flatMap((f) => f.imports.filter((i) => !['model', 'schema'].includes(layerOf(i))).map((i) => `${f.relative} → ${i}`));
    expect(outside).toEqual([]);
  });

  it('no layer imports from a layer above it, except the listed ones still to move', () => {
    const upward = files.flatMap((f) => {
      const own = layers[layerOf(f.relative)];
      if (own === undefined) return [];
      return f.imports.filter((i) => (layers[layerOf(i)] ?? Infinity) > own).map((i) => `${f.relative} → ${i}`);
    });
    expect(upward.sort()).toEqual([...knownUpward].sort());
  });
});
