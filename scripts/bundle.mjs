// Bundles the CLI and its dependencies into dist/cli.js (run by `npm ci` through "prepare"): one file loads much
// faster than a few hundred modules, which is most of a single-meeting build. Types are checked by `npm run typecheck`.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// `node scripts/bundle.mjs [folder]`: dist/ by default (tests bundle into a copy of the tool elsewhere).
const outdir = process.argv[2] ?? 'dist';

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync(outdir, { recursive: true, force: true });

const common = {
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
