#!/usr/bin/env node
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from './diagnostics/format-text.js';
import { MissingProgramError } from './write/missing-program.js';
import { chooseLanguage } from './cli/choose-language.js';
import { createOutput } from './cli/cli-output.js';
import { UsageError, printDiagnostics, type CliRun } from './cli/cli-run.js';
import type { CommandSpec } from './cli/command-specs.js';
import { formatCommandHelp, formatOverview, formatUsage } from './cli/help.js';
import { parseCommandLine } from './cli/parse-command-line.js';
import { findProjectRoot, readProjectConfig, type ProjectConfig } from './cli/project-config.js';
import { resolveSettings } from './cli/resolve-settings.js';
import { runBuild } from './cli/run-build.js';
import { runCheck } from './cli/run-check.js';
import { runNew, runSchemas } from './cli/run-new.js';
import { runWatch } from './cli/run-watch.js';
import { limitHeapGrowth } from './cli/heap-growth.js';
import { monotonicMs } from './cli/monotonic-ms.js';
import { currentKey } from './cli/stat-record.js';
import { readToolVersion } from './cli/tool-version.js';

/** Errors of the file system around the tool (exit code 73), as opposed to the tool's own bugs (70). */
const FILE_SYSTEM_ERRORS = new Set(['ENOENT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'ENAMETOOLONG', 'ELOOP', 'EFBIG', 'EXDEV', 'EIO', 'EBUSY', 'ENOTEMPTY']);

const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// import has its own option parser (src/import/run-import.ts) and is dispatched before the table; help lists it.
const handlers: Record<Exclude<CommandSpec['name'], 'help' | 'import'>, (run: CliRun) => Promise<number>> = {
  build: runBuild,
  check: runCheck,
  watch: runWatch,
  new: runNew,
  schemas: runSchemas,
};

/** `minutes import` (src/import/, issue 15): its own options; the module returns the texts to print and the exit code. */
async function runImportCommand(argv: string[]): Promise<number> {
  const { runImport, ImportUsageError, IMPORT_USAGE } = await import('./import/run-import.js');
  const { UnsupportedImportFile } = await import('./import/read-import-text.js');
  try {
    const result = await runImport(argv, { cwd: process.cwd(), toolDataDir: path.join(toolRoot, 'data') });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.code;
  } catch (error) {
    if (!(error instanceof ImportUsageError || error instanceof UnsupportedImportFile)) throw error;
    process.stderr.write(`${error.message}\n${IMPORT_USAGE}\n`);
    return 2;
  }
}

/** Runs the command line; every failure becomes an exit code and a message in the run's language. */
async function main(argv: string[]): Promise<number> {
  limitHeapGrowth();
  // The language until the configuration is read (a failure reading it is reported in this one).
  const language = { current: chooseLanguage(undefined, undefined, process.env) };
  try {
    if (argv[0] === 'import') return await runImportCommand(argv.slice(1));
    return await runCommandLine(argv, language);
  } catch (error) {
    return reportFailure(error, language.current);
  }
}

async function runCommandLine(argv: string[], language: { current: Lang }): Promise<number> {
  const line = parseCommandLine(argv);
  if (line.kind === 'version') {
    process.stdout.write(`minutes ${readToolVersion()}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const { root, configFile } = findProjectRoot(cwd);
  let config: ProjectConfig = {};
  if (configFile) {
    const read = readProjectConfig(configFile, path.relative(cwd, configFile) || configFile);
    // A broken configuration stops a command, not the help.
    if (!read.config && line.kind === 'run') {
      const lang = (language.current = chooseLanguage(line.lang, undefined, process.env));
      printDiagnostics({ cwd, lang, io: createOutput(lang) }, read.diagnostics);
      return 1;
    }
    config = read.config ?? {};
  }
  const lang = (language.current = chooseLanguage(line.lang, config.lang, process.env));
  if (line.kind === 'usage-error') {
    const message = line.bilingual ? `${line.message[lang]}\n${line.message[lang === 'ja' ? 'en' : 'ja']}` : line.message[lang];
    process.stderr.write(`${message}\n\n${formatUsage(line.usageOf, lang)}\n`);
    return 2;
  }
  if (line.kind === 'help') {
    process.stdout.write(`${line.topic ? formatCommandHelp(line.topic, lang) : formatOverview(lang, readToolVersion())}\n`);
    return line.exitCode;
  }
  const io = createOutput(lang);
  for (const notice of line.deprecations) io.err(`${notice[lang]}\n`);
  const { command } = line;
  const settings = resolveSettings(command, line.values, config, { cwd, root, toolTemplates: path.join(toolRoot, 'templates') });
  const run: CliRun = { command, cwd, root, lang, inputs: line.inputs, values: line.values, settings, io, now: monotonicMs, clock: () => new Date(), invocation: currentKey(toolRoot, argv, cwd, process.env) };
  return handlers[command.name as keyof typeof handlers](run);
}

function reportFailure(error: unknown, lang: Lang): number {
  const ja = lang === 'ja';
  if (error instanceof MissingProgramError) {
    process.stderr.write(
      ja
        ? `PDF の作成には LibreOffice（${error.program}）が必要です。apt-get install libreoffice-writer で入れるか、minutes.config.json の libreOffice でプログラムを指定してください。\n`
        : `--format pdf needs LibreOffice (${error.program}): apt-get install libreoffice-writer, or name the program with libreOffice in minutes.config.json.\n`,
    );
    // sysexits EX_UNAVAILABLE: a program the run needs is not there (not a mistake on the command line).
    return 69;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${error.text[lang]}\n\n${formatUsage(error.usageOf, lang)}\n`);
    return 2;
  }
  const io = error as NodeJS.ErrnoException;
  if (io.code && FILE_SYSTEM_ERRORS.has(io.code)) {
    // Not our bug: a folder that is a file, a read-only or full disk, missing permissions.
    const where = io.path ? path.relative(process.cwd(), io.path) || io.path : '';
    process.stderr.write(`ファイルを読み書きできません / cannot read or write: ${where} (${io.code}: ${io.syscall ?? ''})\n`);
    return 73;
  }
  process.stderr.write(`internal error, please report / 内部エラーです。報告してください。\n${(error as Error).stack ?? String(error)}\n`);
  return 70;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (process.env.MINUTES_REPORT_RSS) process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
});
