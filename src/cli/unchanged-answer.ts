import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnosticsText, type Painter } from '../diagnostics/format-text.js';
import { exitCodeOf, readQuietly, type CliRun } from './cli-run.js';
import type { UnchangedAnswer } from './stat-record.js';
import { severityCounts } from './report-header.js';
import { readToolVersion } from './tool-version.js';

type AnswerRun = Pick<CliRun, 'cwd' | 'lang'> & { values: { json?: unknown; strict?: unknown } };

/** The answer of an unchanged run that repeats `diagnostics`, its text painted with `paint`. */
export function unchangedAnswer(run: AnswerRun, diagnostics: readonly Diagnostic[], paint: Painter): UnchangedAnswer {
  const json = run.values.json === true;
  const readText = (file: string) => readQuietly(path.resolve(run.cwd, file));
  return {
    code: exitCodeOf(diagnostics, run.values.strict === true),
    version: readToolVersion(),
    counts: severityCounts(diagnostics),
    diagnostics: json ? [...diagnostics] : [],
    text: json || diagnostics.length === 0 ? '' : `${formatDiagnosticsText(diagnostics, run.lang, readText, { paint, tally: false })}\n`,
  };
}
