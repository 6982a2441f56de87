import path from 'node:path';
import type { BuildResult } from '../build-result.js';
import { createBuildSession } from '../build-session.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { exitCodeOf, printDiagnostics, sourceTextReader, type CliRun } from './cli-run.js';
import { printUnchangedRun } from './print-unchanged-run.js';
import { unchangedAnswer } from './unchanged-answer.js';
import { finishRunRecording, startRunRecording } from './record-run.js';
import { reportHeader, severityCounts } from './report-header.js';
import type { RunReport } from './run-report.js';
import { keptLine } from './kept-line.js';
import { readToolVersion } from './tool-version.js';
import { formatSummary } from './summary.js';

/** minutes build: check everything, write what changed, say what was written, left alone and refused. */
export async function runBuild(run: CliRun): Promise<number> {
  const started = run.now();
  const { settings, cwd } = run;
  const recording = startRunRecording(run);
  const session = createBuildSession({
    cwd,
    dataDir: settings.dataDir,
    inputs: run.inputs,
    outDir: settings.outDir,
    templatesDir: settings.templatesDir,
    formats: settings.formats,
    // A heading level asked for on the command line implies the fragment.
    fragment: run.values.fragment === true || typeof run.values['fragment-heading'] === 'string',
    ...(settings.fragmentHeadingLevel !== undefined && { fragmentHeading: settings.fragmentHeadingLevel }),
    force: run.values.force === true,
    onProgress: run.io.progress.show,
    libreOffice: settings.libreOffice,
  });
  const build = await session.rebuild().finally(() => session.dispose());
  run.io.progress.clear();
  // An unchanged run is recorded for the fast path of the next identical one. A build that wrote is not: its outputs
  // (the manifest last) are too new to be trusted, and the next run, unchanged, records them.
  if (recording && build.nothingChanged) finishRunRecording(recording, run, build.diagnostics);
  if (build.nothingChanged) return printUnchangedRun(run, unchangedAnswer(run, build.diagnostics, run.io.paintErr), started);
  const { result, diagnostics, project, templateFailed } = build;
  const code = templateFailed ? 3 : exitCodeOf(diagnostics, run.values.strict === true);
  if (run.values.json) {
    run.io.out(`${JSON.stringify(buildReport(run, result, diagnostics, code, started), null, 2)}\n`);
    return code;
  }
  printBuildResult(run, result);
  printDiagnostics(run, diagnostics, sourceTextReader(cwd, project?.files));
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
    ...reportHeader('build', exitCode, run.now() - started, readToolVersion()),
    counts: { ...severityCounts(diagnostics), written: result.written.length, unchanged: result.unchanged.length, refused: result.skipped.length },
    diagnostics,
    outputs: result.written.map((file) => ({ path: path.relative(run.cwd, file), status: 'written' as const })),
    unchanged: result.unchanged,
    refused: result.skipped,
  };
}
