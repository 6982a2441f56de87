#!/usr/bin/env node
// Runs the compiled CLI (dist/, written by `npm ci` through the "prepare" script) when it is up to date with src/;
// otherwise runs the TypeScript sources through tsx, so an edited checkout never runs stale code.
//
// CommonJS (bin/package.json): Node starts a CommonJS file without its ES module loader and the module facades of the
// builtins it imports, ≈ 10 ms of a run that the fast path answers in ≈ 70.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
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
  require('node:module').enableCompileCache?.();
  // A build with nothing to do is answered from the last run's stat record, without loading the bundle
  // (src/cli/fast-path.ts); undefined means the normal path decides.
  const fast = process.argv[2] === 'build' ? require('../dist/fast-path.cjs').runFastPath(process.argv.slice(2), root) : undefined;
  if (fast === undefined) import('../dist/cli.js');
  else {
    process.exitCode = fast;
    if (process.env.MINUTES_REPORT_RSS) process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
  }
} else {
  import('tsx/esm/api').then(({ register }) => {
    register();
    return import('../src/cli.ts');
  });
}
