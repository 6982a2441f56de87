#!/usr/bin/env node
// Runs the compiled CLI (dist/, written by `npm ci` through the "prepare" script) when it is up to date with src/;
// otherwise runs the TypeScript sources through tsx, so an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const compiled = path.join(root, 'dist/cli.js');

/** The newest modification time of the files under a folder (0 for a missing one: a copy of the tool without its sources). */
function newestSource(dir) {
  let newest = 0;
  const entries = existsSync(dir) ? readdirSync(dir, { withFileTypes: true, recursive: true }) : [];
  // Paths joined by hand: path.join's first calls cost this walk, on every run, more than its ≈ 200 stats (≈ 10 ms).
  for (const entry of entries) {
    if (entry.isDirectory()) continue;
    const modified = statSync(`${entry.parentPath ?? entry.path}${path.sep}${entry.name}`).mtimeMs;
    if (modified > newest) newest = modified;
  }
  return newest;
}

if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource(path.join(root, 'src'))) {
  // Node 22.1 and later keep V8's compiled code of the bundle on disk (in NODE_COMPILE_CACHE, else the system's temp
  // folder), so a later run skips parsing and compiling it; Node 20 has no such cache and runs as before.
  module.enableCompileCache?.();
  // A build with nothing to do is answered from the last run's stat record, without loading the bundle
  // (src/cli/fast-path.ts); undefined means the normal path decides.
  const fast = process.argv[2] === 'build' ? module.createRequire(import.meta.url)('../dist/fast-path.cjs').runFastPath(process.argv.slice(2), root) : undefined;
  if (fast === undefined) await import(compiled);
  else {
    process.exitCode = fast;
    if (process.env.MINUTES_REPORT_RSS) process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
  }
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
