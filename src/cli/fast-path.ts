import { appendFileSync } from 'node:fs';
import { monotonicMs } from './monotonic-ms.js';
import { printUnchangedRun } from './print-unchanged-run.js';
import { isTerminal, standardWriter } from './standard-streams.js';
import { detectTerminal } from './terminal.js';
import { currentKey, readStatRecord, recordFile, recordMismatch } from './stat-record.js';

/**
 * The fast path of `minutes build` (issue 16), a bundle of its own (dist/fast-path.cjs) that bin/minutes.js loads
 * before the CLI (`toolRoot`: the checkout it runs from): when the last run of the same command line, in the same
 * folder, under the same Node and locale, left a stat record (stat-record.ts) that every input and output still
 * matches, it prints what the normal "nothing changed" run prints, with its exit code, without loading the bundle or
 * reading any data. Any doubt (no record, a corrupt one, one file described differently, a file changed too recently)
 * returns undefined: the normal path runs, and decides by content.
 *
 * MINUTES_FAST_PATH_TRACE=<file> appends `hit` or `miss <reason>` to that file (tests, and anyone wondering why).
 */
export function runFastPath(argv: readonly string[], toolRoot: string): number | undefined {
  const started = monotonicMs();
  if (argv[0] !== 'build' || argv.includes('--force')) return undefined;
  const trace = (line: string) => {
    if (process.env.MINUTES_FAST_PATH_TRACE) appendFileSync(process.env.MINUTES_FAST_PATH_TRACE, `${line}\n`);
  };
  const key = currentKey(toolRoot, argv, process.cwd(), process.env);
  let record;
  try {
    const file = recordFile(key);
    record = file ? readStatRecord(file) : undefined;
    const mismatch = record ? recordMismatch(record, key) : 'no record';
    if (mismatch) {
      trace(`miss ${mismatch}`);
      return undefined;
    }
  } catch (error) {
    trace(`miss ${(error as Error).message}`);
    return undefined;
  }
  trace('hit');
  const { answer, texts } = record!;
  const io = { out: standardWriter(1), err: standardWriter(2) };
  const text = detectTerminal(process.env, isTerminal(2)).colour ? texts.colour : texts.plain;
  return printUnchangedRun({ lang: answer.lang, io, values: answer, now: monotonicMs }, { ...answer, text }, started);
}
