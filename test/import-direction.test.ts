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
  'validate/rules/markdown-content.ts → document-types.ts',
  // The chart's data type lives with the SVG writer.
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

/** Groups of files that import each other, directly or around a circle (Tarjan's strongly connected components). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) cycles.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('import cycles', () => {
  it('finds circles, direct and around several files, and nothing else', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts', 'c.ts']],
      ['c.ts', ['d.ts']],
      ['d.ts', ['e.ts']],
      ['e.ts', ['c.ts']],
      ['f.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual(expect.arrayContaining([['a.ts', 'b.ts'], ['c.ts', 'd.ts', 'e.ts']]));
    expect(importCycles(graph)).toHaveLength(2);
  });

  it('the lower layers (model, schema, load, validate, normalize) are in no circle', () => {
    const lower = ['model', 'schema', 'load', 'validate', 'normalize', 'project.ts'];
    const cycles = importCycles(new Map(files.map((f) => [f.relative, f.imports])));
    expect(cycles.filter((group) => group.some((file) => lower.includes(layerOf(file))))).toEqual([]);
  });
});
