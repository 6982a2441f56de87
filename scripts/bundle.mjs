// Bundles the CLI and its dependencies into dist/cli.js (run by `npm ci` through "prepare"): one file loads much
// faster than a few hundred modules, which is most of a single-meeting build. Types are checked by `npm run typecheck`.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// `node scripts/bundle.mjs [folder]`: dist/ by default (tests bundle into a copy of the tool elsewhere).
const outdir = process.argv[2] ?? 'dist';

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
rmSync(outdir, { recursive: true, force: true });

// gray-matter (load/read-source.ts) only splits the front matter: its YAML engine is replaced by a stub at every call,
// so its default engine, js-yaml 3 (YAML 1.1, which must never read our files), is never used. Bundling it cost every
// start ≈ 15 ms of loading, plus esprima (a JavaScript parser for js-yaml's !!js/function, required at run time from
// node_modules). In the bundle, js-yaml is a module that fails loudly if anything ever calls it.
const withoutJsYaml = {
  name: 'without-js-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'without-js-yaml' }));
    build.onLoad({ filter: /.*/, namespace: 'without-js-yaml' }, () => ({
      loader: 'js',
      contents: `const fail = () => { throw new Error('js-yaml is left out of the bundle (scripts/bundle.mjs): gray-matter must be given its YAML engine'); };
module.exports = { safeLoad: fail, safeDump: fail, load: fail, dump: fail };`,
    }));
  },
};

const common = {
  plugins: [withoutJsYaml],
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
