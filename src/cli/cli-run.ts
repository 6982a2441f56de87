import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFormat } from '../build.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnosticsText, type Lang, type Painter } from '../diagnostics/format-text.js';
import type { Bilingual, CommandSpec } from './command-specs.js';
import type { OptionValues } from './parse-command-line.js';
import type { ProgressLine } from './progress-line.js';
import type { RecordKey } from './stat-record.js';

/** Where a command prints: cli.ts connects these to stdout and stderr. */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Colours for each stream (plain when it is not a terminal, or NO_COLOR is set). */
  paintOut: Painter;
  paintErr: Painter;
  /** The progress line on stderr (does nothing when piped or under CI). */
  progress: ProgressLine;
  /** Whether stdout is a terminal (watch --clear clears only a screen). */
  outIsTerminal: boolean;
}

/** Everything one command needs: what was asked, where, in which language, and how to print. */
export interface CliRun {
  command: CommandSpec;
  /** The folder the command was started in: paths on the command line are relative to it, and so are paths printed. */
  cwd: string;
  /** The project root (see findProjectRoot). */
  root: string;
  lang: Lang;
  inputs: string[];
  values: OptionValues;
  settings: RunSettings;
  io: CliOutput;
  /** Milliseconds, for the time a run took. */
  now: () => number;
  /** The wall clock (watch timestamps, the default date of minutes new). */
  clock: () => Date;
  /** The command line, folder, Node and locale of this process: the key of its stat record (stat-record.ts). */
  invocation: RecordKey;
}

/** The folders and defaults of a run: command-line options over minutes.config.json over the built-in defaults. */
export interface RunSettings {
  dataDir: string;
  outDir: string;
  templatesDir: string;
  formats: OutputFormat[];
  fragmentHeadingLevel?: number;
  libreOffice?: string;
}

/** A mistake on the command line found while running a command (exit code 2, then the command's usage). */
export class UsageError extends Error {
  constructor(
    readonly text: Bilingual,
    readonly usageOf?: CommandSpec,
  ) {
    super(text.en);
  }
}

export function pick(run: Pick<CliRun, 'lang'>, text: Bilingual): string {
  return text[run.lang];
}

/** Prints diagnostics on stderr in the run's language, without a count (the summary line has it). */
export function printDiagnostics(run: Pick<CliRun, 'cwd' | 'lang' | 'io'>, diagnostics: readonly Diagnostic[], readText: (file: string) => string | undefined = (f) => readQuietly(path.resolve(run.cwd, f))): void {
  if (diagnostics.length === 0) return;
  run.io.progress.clear();
  run.io.err(`${formatDiagnosticsText(diagnostics, run.lang, readText, { paint: run.io.paintErr, tally: false })}\n`);
}

/**
 * The text of a file a diagnostic names: as the run read it (looked up by path, not searched for: a run with many
 * diagnostics asks once per diagnostic), else from disk.
 */
export function sourceTextReader(cwd: string, files: readonly { path: string; text: string }[] = []): (file: string) => string | undefined {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  return (file) => texts.get(file) ?? readQuietly(path.resolve(cwd, file));
}

export function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function exitCodeOf(diagnostics: readonly Diagnostic[], strict: boolean): number {
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  if (strict && diagnostics.some((d) => d.severity === 'warning')) return 1;
  return 0;
}

