import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build-bundled.js';

/**
 * Module-level mutable state in a source text: a `let` or `var` at the top level, or a collection created at the top
 * level. An immutable constant table is allowed: an UPPER_CASE Set or Map filled from a literal and never changed in
 * its module. A WeakMap or WeakSet at the top level is always state (its keys come and go): a build session holds it.
 */
function moduleState(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (/^(export )?(let|var) /.test(line)) found.push(line);
    const collection = /^(?:export )?const (\w+)\b[^=]*= new (Map|Set|WeakMap|WeakSet)\b(\(\s*\)|<[^>]*>\(\s*\))?/.exec(line);
    if (!collection) continue;
    const [, name, type, empty] = collection;
    const constantTable = /^[A-Z][A-Z0-9_]*$/.test(name) && (type === 'Map' || type === 'Set') && empty === undefined;
    const changed = new RegExp(`\\b${name}\\.(set|add|delete|clear)\\(`).test(text);
    if (!constantTable || changed) found.push(line);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('module-level state', () => {
  it('finds a top-level let, a top-level cache and a constant table that is changed', () => {
    expect(moduleState('let last: string | undefined;')).toHaveLength(1);
    expect(moduleState('const checked = new Map<string, string[]>();')).toHaveLength(1);
    expect(moduleState('const verdicts = new WeakMap<object, string>();')).toHaveLength(1);
    expect(moduleState("const NAMES = new Set(['a']);\nfunction f() { NAMES.add('b'); }")).toHaveLength(1);
    expect(moduleState("const NAMES = new Set(['a', 'b']);\nfunction f() { let n = 0; return n; }")).toEqual([]);
  });

  it('is absent from src/: every cache belongs to a build session (build-session.ts)', () => {
    const offenders = sourceFiles(path.join(repoRoot, 'src')).flatMap((file) =>
      moduleState(readFileSync(file, 'utf8')).map((line) => `${path.relative(repoRoot, file)}: ${line}`),
    );
    expect(offenders).toEqual([]);
  });
});
