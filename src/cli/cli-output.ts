import type { Lang } from '../diagnostics/format-text.js';
import type { CliOutput } from './cli-run.js';
import { NO_PROGRESS, createProgressLine } from './progress-line.js';
import { createPaint, detectTerminal } from './terminal.js';

/** The process's stdout and stderr as a command prints to them: colours and the progress line as each stream allows. */
export function createOutput(lang: Lang): CliOutput {
  const outTerminal = detectTerminal(process.env, process.stdout.isTTY === true);
  const errTerminal = detectTerminal(process.env, process.stderr.isTTY === true);
  const err = (text: string) => void process.stderr.write(text);
  return {
    out: (text) => void process.stdout.write(text),
    err,
    paintOut: createPaint(outTerminal.colour),
    paintErr: createPaint(errTerminal.colour),
    progress: errTerminal.animate ? createProgressLine(err, lang, process.stderr.columns ?? 80) : NO_PROGRESS,
    outIsTerminal: process.stdout.isTTY === true,
  };
}
