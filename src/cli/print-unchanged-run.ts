import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CliRun } from './cli-run.js';
import type { UnchangedAnswer } from './stat-record.js';
import { reportHeader } from './report-header.js';
import type { RunReport } from './run-report.js';
import { formatSummary } from './summary.js';

/** Where an unchanged run prints (the fast path has no progress line). */
type PrintRun<Text> = Pick<CliRun, 'lang' | 'now'> & { values: { json?: unknown }; io: Pick<CliRun['io'], 'out'> & { err: (text: Text) => void; progress?: { clear(): void } } };

/**
 * A build whose inputs are all as they were at the last run, with every output in place, wrote nothing (answered from
 * the manifest by the build session, or from the stat record by the fast path, src/cli/fast-path.ts): say so and
 * repeat the problems that run reported. Returns the exit code.
 */
export function printUnchangedRun<Text extends string | Uint8Array>(run: PrintRun<Text>, answer: UnchangedAnswer<Text>, started: number): number {
  if (run.values.json) {
    const report: RunReport = {
      ...reportHeader('build', answer.code, run.now() - started, answer.version),
      counts: { ...answer.counts, written: 0 },
      nothingChanged: true,
      diagnostics: answer.diagnostics,
      outputs: [],
    };
    run.io.out(`${JSON.stringify(report, null, 2)}\n`);
    return answer.code;
  }
  run.io.out(
    run.lang === 'ja'
      ? `変更なし  すべて（前回から入力が変わっていないため省略。--force で再作成）\n`
      : `unchanged: everything (inputs did not change; --force rebuilds)\n`,
  );
  if (answer.text.length > 0) {
    run.io.progress?.clear();
    run.io.err(answer.text);
  }
  run.io.out(`${formatSummary({ ...answer.counts, nothingChanged: true }, run.now() - started, run.lang)}\n`);
  return answer.code;
}
