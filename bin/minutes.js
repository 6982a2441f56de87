#!/usr/bin/env node
// Runs the compiled CLI (dist/, written by `npm ci` through the "prepare" script) when it is up to date with src/;
// otherwise runs the TypeScript sources through tsx, so an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist/cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(path.join(root, 'src'))) {
  // Node 22.1 and later keep V8's compiled code of the bundle on disk (in NODE_COMPILE_CACHE, else the system's temp
  // folder), so a later run skips parsing and compiling it; Node 20 has no such cache and runs as before.
  module.enableCompileCache?.();
  await import(compiled);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
