import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildProject, type BuildResult } from '../build.js';
import { templateDiagnosticIds } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadProject } from '../pipeline.js';
import { allDiagnostics } from '../project.js';
import { computeRunKey } from '../run-key.js';
import { allOutputsPresent, readManifest, writeManifest } from '../write/manifest.js';
import { exitCodeOf, printDiagnostics, readQuietly, selectDiagnostics, type CliRun } from './cli-run.js';
import { reportHeader, severityCounts, type RunReport } from './run-report.js';
import { keptLine } from './kept-line.js';
import { formatSummary } from './summary.js';

/** minutes build: check everything, write what changed, say what was written, left alone and refused. */
export async function runBuild(run: CliRun): Promise<number> {
  const started = run.now();
  if (run.values.force !== true) {
    const unchanged = await answerUnchangedRun(run, started);
    if (unchanged !== undefined) return unchanged;
  }
  const { settings, cwd } = run;
  const project = await loadProject({ cwd, dataDir: settings.dataDir, inputs: run.inputs });
  const only = run.inputs.map((i) => path.resolve(cwd, i));
  const result = await buildProject(project, {
    cwd,
    outDir: settings.outDir,
    templatesDir: settings.templatesDir,
    formats: settings.formats,
    only,
    // A heading level asked for on the command line implies the fragment.
    fragment: run.values.fragment === true || typeof run.values['fragment-heading'] === 'string',
    ...(settings.fragmentHeadingLevel !== undefined && { fragmentHeading: settings.fragmentHeadingLevel }),
    force: run.values.force === true,
    onProgress: run.io.progress.show,
    libreOffice: settings.libreOffice,
  });
  run.io.progress.clear();
  const diagnostics = [...selectDiagnostics(allDiagnostics(project), run.inputs, cwd), ...result.diagnostics];
  const templateFailed = result.diagnostics.some((d) => templateDiagnosticIds.has(d.id));
  const code = templateFailed ? 3 : exitCodeOf(diagnostics, run.values.strict === true);
  if (!templateFailed) await recordRun(settings.outDir, await runKeyOf(run), diagnostics);
  if (run.values.json) {
    run.io.out(`${JSON.stringify(buildReport(run, result, diagnostics, code, started), null, 2)}\n`);
    return code;
  }
  printBuildResult(run, result);
  const readText = (file: string) => project.files.find((f) => f.path === file)?.text ?? readQuietly(path.resolve(cwd, file));
  printDiagnostics(run, diagnostics, readText);
  const counts = { ...severityCounts(diagnostics), written: result.written.length, unchanged: result.unchanged.length, refused: result.skipped.length };
  run.io.out(`${formatSummary(counts, run.now() - started, run.lang)}\n`);
  return code;
}

const skipReasons: Record<string, { ja: string; en: string }> = {
  errors: { ja: 'データのエラー', en: 'errors in the data' },
  'render errors': { ja: '描画のエラー', en: 'render errors' },
  'template errors': { ja: 'テンプレートのエラー', en: 'template errors' },
};

function printBuildResult(run: CliRun, result: BuildResult): void {
  const { paintOut: paint } = run.io;
  const ja = run.lang === 'ja';
  for (const file of result.written) run.io.out(`${paint.green(ja ? '書き出し' : 'wrote')}  ${path.relative(run.cwd, file)}\n`);
  for (const file of result.removed) {
    run.io.out(`${paint.yellow(ja ? '削除' : 'removed')}  ${path.relative(run.cwd, file)}${ja ? '（今回は作らない、前回の出力）' : ' (an earlier output this build does not make)'}\n`);
  }
  if (result.unchanged.length) {
    run.io.out(
      ja
        ? `${paint.dim('変更なし')}  ${result.unchanged.join(', ')}（前回から入力が変わっていないため省略。--force で再作成）\n`
        : `${paint.dim('unchanged')} ${result.unchanged.join(', ')} (inputs did not change; --force rebuilds)\n`,
    );
  }
  for (const skip of result.skipped) {
    const reason = skipReasons[skip.reason]?.[run.lang] ?? skip.reason;
    run.io.out(ja ? `${paint.red('未出力')}  ${skip.id}（${reason}のため。以前の出力はそのまま）\n` : `${paint.red('skipped')} ${skip.id} (${reason}; earlier outputs kept)\n`);
  }
  if (result.kept.length) run.io.err(keptLine(result.kept, run.lang));
}

function buildReport(run: CliRun, result: BuildResult, diagnostics: Diagnostic[], exitCode: number, started: number): RunReport {
  return {
    ...reportHeader('build', exitCode, run.now() - started),
    counts: { ...severityCounts(diagnostics), written: result.written.length, unchanged: result.unchanged.length, refused: result.skipped.length },
    diagnostics,
    outputs: result.written.map((file) => ({ path: path.relative(run.cwd, file), status: 'written' as const })),
    unchanged: result.unchanged,
    refused: result.skipped,
  };
}

function runKeyOf(run: CliRun): Promise<string> {
  const { settings } = run;
  const options = { formats: settings.formats, fragment: run.values.fragment === true, inputs: run.inputs.map((i) => path.resolve(run.cwd, i)), data: settings.dataDir, out: settings.outDir };
  return computeRunKey(settings.dataDir, settings.templatesDir, options);
}

/**
 * A build whose inputs are all as they were at the last run, with every output in place, writes nothing: say so,
 * repeat the problems that run reported, and skip parsing every file. Undefined when a real build is needed.
 */
async function answerUnchangedRun(run: CliRun, started: number): Promise<number | undefined> {
  const outDir = run.settings.outDir;
  const manifest = await readManifest(outDir);
  if (!manifest.run || !allOutputsPresent(manifest, outDir) || !manifest.run.siteFiles.every((f) => existsSync(path.join(outDir, f)))) return undefined;
  if (manifest.run.key !== (await runKeyOf(run))) return undefined;
  const diagnostics = manifest.run.diagnostics;
  const code = exitCodeOf(diagnostics, run.values.strict === true);
  if (run.values.json) {
    const report: RunReport = {
      ...reportHeader('build', code, run.now() - started),
      counts: { ...severityCounts(diagnostics), written: 0 },
      nothingChanged: true,
      diagnostics,
      outputs: [],
    };
    run.io.out(`${JSON.stringify(report, null, 2)}\n`);
    return code;
  }
  run.io.out(
    run.lang === 'ja'
      ? `変更なし  すべて（前回から入力が変わっていないため省略。--force で再作成）\n`
      : `unchanged: everything (inputs did not change; --force rebuilds)\n`,
  );
  printDiagnostics(run, diagnostics);
  run.io.out(`${formatSummary({ ...severityCounts(diagnostics), nothingChanged: true }, run.now() - started, run.lang)}\n`);
  return code;
}

const SITE_FILES = ['index.html', 'incidents.html', 'incidents.csv', 'incidents.json', 'incidents.schema.json', 'incidents-by-year.svg', 'styles.css', 'fragment.css'];

async function recordRun(outDir: string, key: string, diagnostics: Diagnostic[]): Promise<void> {
  const manifest = await readManifest(outDir);
  // The site pages that this run left in place (a run with a broken meeting keeps the index as it was, or has none).
  const siteFiles = SITE_FILES.filter((f) => existsSync(path.join(outDir, f)));
  manifest.run = { key, diagnostics, siteFiles };
  await writeManifest(outDir, manifest);
}
