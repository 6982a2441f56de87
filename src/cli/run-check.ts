import { loadProject } from '../pipeline.js';
import { allDiagnostics, diagnosticsOfInputs } from '../project.js';
import path from 'node:path';
import { exitCodeOf, printDiagnostics, sourceTextReader, type CliRun } from './cli-run.js';
import { reportHeader, severityCounts } from './report-header.js';
import { readToolVersion } from './tool-version.js';
import type { RunReport } from './run-report.js';
import { formatSummary } from './summary.js';
import { keptLine } from './kept-line.js';
import { keptFromLastGoodState } from '../site/last-good-state.js';
import { readManifest } from '../write/manifest.js';

/** minutes check: every problem of every file, nothing written. */
export async function runCheck(run: CliRun): Promise<number> {
  const started = run.now();
  const project = await loadProject({ cwd: run.cwd, dataDir: run.settings.dataDir, inputs: run.inputs });
  const diagnostics = diagnosticsOfInputs(allDiagnostics(project), run.inputs.map((i) => path.resolve(run.cwd, i)), run.cwd);
  const code = exitCodeOf(diagnostics, run.values.strict === true);
  const counts = severityCounts(diagnostics);
  if (run.values.json) {
    const report: RunReport = {
      ...reportHeader('check', code, run.now() - started, readToolVersion()),
      counts: { files: project.files.length, ...counts },
      diagnostics,
    };
    run.io.out(`${JSON.stringify(report, null, 2)}\n`);
    return code;
  }
  printDiagnostics(run, diagnostics, sourceTextReader(run.cwd, project.files));
  const kept = keptFromLastGoodState(project, await readManifest(run.settings.outDir));
  if (kept.length) run.io.err(keptLine(kept, run.lang));
  run.io.out(`${formatSummary({ ...counts, checked: project.files.length }, run.now() - started, run.lang)}\n`);
  return code;
}
