import type { Lang } from '../diagnostics/format-text.js';
import type { CliOutput } from './cli-run.js';
import { NO_PROGRESS, createProgressLine } from './progress-line.js';
import { isTerminal, standardWriter } from './standard-streams.js';
import { createPaint, detectTerminal } from './terminal.js';

/**
 * The process's stdout and stderr as a command prints to them: colours and the progress line as each stream allows. A
 * terminal is written through its stream; a file or pipe through its descriptor (standard-streams.ts).
 */
export function createOutput(lang: Lang): CliOutput {
  const outIsTerminal = isTerminal(1);
  const errIsTerminal = isTerminal(2);
  const outTerminal = detectTerminal(process.env, outIsTerminal);
  const errTerminal = detectTerminal(process.env, errIsTerminal);
  const err = errIsTerminal ? (text: string) => void process.stderr.write(text) : standardWriter(2);
  return {
    out: outIsTerminal ? (text) => void process.stdout.write(text) : standardWriter(1),
    err,
    paintOut: createPaint(outTerminal.colour),
    paintErr: createPaint(errTerminal.colour),
    progress: errTerminal.animate ? createProgressLine(err, lang, process.stderr.columns ?? 80) : NO_PROGRESS,
    outIsTerminal,
  };
}
