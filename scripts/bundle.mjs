// Bundles the CLI and its dependencies into dist/cli.js (run by `npm ci` through "prepare"): one file loads much
// faster than a few hundred modules, which is most of a single-meeting build. Types are checked by `npm run typecheck`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// `node scripts/bundle.mjs [folder]`: dist/ by default (tests bundle into a copy of the tool elsewhere).
const outdir = process.argv[2] ?? 'dist';

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync(outdir, { recursive: true, force: true });

// Two packages are left out of the bundle, each replaced by a module of our own:
// - js-yaml: gray-matter (load/read-source.ts) only splits the front matter, and its YAML engine is replaced at every
//   call, so its default engine, js-yaml 3 (YAML 1.1, which must never read our files), is never used. Bundled, it
//   cost every start ≈ 15 ms of loading, plus esprima (a JavaScript parser for js-yaml's !!js/function, required at
//   run time from node_modules). Its stand-in fails loudly if anything ever calls it.
// - source-map: Handlebars' code generator uses it only to write a source map beside a compiled template (the
//   srcName option, which we never pass); without it, Handlebars uses its own plain-string code nodes (as in a
//   browser). 64 kB less to load; the templates render the same (the precompiled sources differ in their local
//   variable names, and the store of kept templates is keyed by the tool's code).
const standIns = {
  'js-yaml': `const fail = () => { throw new Error('js-yaml is left out of the bundle (scripts/bundle.mjs): gray-matter must be given its YAML engine'); };
module.exports = { safeLoad: fail, safeDump: fail, load: fail, dump: fail };`,
  'source-map': 'module.exports = {};',
};
const withStandIns = {
  name: 'stand-ins',
  setup(build) {
    build.onResolve({ filter: /^(js-yaml|source-map)$/ }, (args) => ({ path: args.path, namespace: 'stand-in' }));
    build.onLoad({ filter: /.*/, namespace: 'stand-in' }, (args) => ({ loader: 'js', contents: standIns[args.path] }));
  },
};

const common = {
  plugins: [withStandIns],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // CommonJS dependencies (handlebars, gray-matter) call require(): give the ES module bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

// The fast path of an unchanged build (src/cli/fast-path.ts), which bin/minutes.js loads before the CLI: one file
// of its own (a few kB), CommonJS, since require() loads a file in less than half the time of import().
await build({ ...common, format: 'cjs', banner: {}, entryPoints: { 'fast-path': 'src/cli/fast-path.ts' }, outExtension: { '.js': '.cjs' }, outdir });

await build({
  ...common,
  // The CLI, and the worker thread that writes Word files in large builds (src/write/docx/docx-pool.ts).
  entryPoints: { cli: 'src/cli.ts', 'docx-worker': 'src/write/docx/docx-worker.ts' },
  outdir,
  // Dynamic imports (the Word writer, the PDF converter, the JSON Schema writer) become chunks loaded on first use,
  // so `check` and HTML-only builds do not load the docx package.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// Every file of the bundle in ASCII. esbuild escapes the strings and template literals (charset: ascii), but leaves
// regular expression literals and comments as written (/【要記入[：:]…】/, markdown-it's typographer), and one such
// character makes Node hold a whole file as a two-byte string (the 750 kB chunk: 1.5 MB) and decode it the slow
// way. Outside strings and templates, \uXXXX means the same character in a regular expression, and nothing in a
// comment. (Source maps: a column after such a character on its line is off by a few.)
for (const entry of readdirSync(outdir, { withFileTypes: true, recursive: true })) {
  if (!/\.c?js$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = readFileSync(file, 'utf8');
  if (/^[\x00-\x7f]*$/.test(text)) continue;
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
