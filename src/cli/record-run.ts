import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { CliRun } from './cli-run.js';
import { unchangedAnswer } from './unchanged-answer.js';
import { CONFIG_FILE } from './project-config.js';
import { createPaint } from './terminal.js';
import { forgetStatRecord, recordFile, statGroup, writeStatRecord, type RecordKey, type StatGroup, type WatchedPaths } from './stat-record.js';

/** A build's stat record in the making: the inputs as they were before the build read them. */
export interface RunRecording {
  file: string;
  key: RecordKey;
  inputs: StatGroup;
}

/**
 * Starts recording a build (src/cli/stat-record.ts): forgets the last record of this command line (this run decides
 * anew) and describes every input before the build reads any. None for `--force`, which always builds, for the
 * TypeScript sources (the fast path runs only with the bundle) and when an input changed too recently to be trusted.
 */
export function startRunRecording(run: Pick<CliRun, 'cwd' | 'root' | 'inputs' | 'values' | 'settings' | 'invocation'>): RunRecording | undefined {
  const running = fileURLToPath(import.meta.url);
  const toolRoot = run.invocation.tool;
  const codeDir = path.join(toolRoot, path.relative(toolRoot, running).split(path.sep)[0]);
  const file = recordFile(run.invocation);
  if (!file) return undefined;
  forgetStatRecord(file);
  if (run.values.force === true || path.basename(codeDir) !== 'dist') return undefined;
  const { group, racy } = statGroup(watchedInputs(run, toolRoot, codeDir));
  return racy ? undefined : { file, key: run.invocation, inputs: group };
}

/** What a build's answer depends on: the tool, how the project was found and configured, the data and templates. */
function watchedInputs(run: Pick<CliRun, 'cwd' | 'root' | 'inputs' | 'settings'>, toolRoot: string, codeDir: string): WatchedPaths {
  const trees = [codeDir, run.settings.dataDir, run.settings.templatesDir];
  const files = ['package.json', 'package-lock.json', 'bin/minutes.js', 'bin/package.json'].map((f) => path.join(toolRoot, f));
  // The folders findProjectRoot looked at, up to the root it chose: a configuration or data/ appearing there moves it.
  for (let dir = path.resolve(run.cwd); ; dir = path.dirname(dir)) {
    files.push(path.join(dir, CONFIG_FILE), path.join(dir, 'data'));
    if (dir === run.root || path.dirname(dir) === dir) break;
  }
  for (const input of run.inputs.map((i) => path.resolve(run.cwd, i))) {
    if (isFolder(input)) trees.push(input);
    else files.push(input);
  }
  return { trees, files };
}

function isFolder(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
}

/**
 * Ends a recording after a run answered from the manifest (nothing changed, `diagnostics` repeated): describes the
 * output folder and the files the diagnostics quote, and writes the record with what that run printed. Nothing is
 * written when one of them changed too recently to be trusted.
 */
export function finishRunRecording(recording: RunRecording, run: Pick<CliRun, 'cwd' | 'lang' | 'values' | 'settings'>, diagnostics: readonly Diagnostic[]): void {
  // Every file of the output folder (the manifest, every output and site file it lists, and anything else: a superset,
  // read without parsing the manifest again), and the files the answer's code frames quote.
  const quoted = diagnostics.map((d) => path.resolve(run.cwd, d.file));
  const { group, racy } = statGroup({ trees: [run.settings.outDir], files: [...new Set(quoted)] });
  if (racy) return;
  const { text: plain, ...answer } = unchangedAnswer(run, diagnostics, createPaint(false));
  const colour = unchangedAnswer(run, diagnostics, createPaint(true)).text;
  writeStatRecord(recording.file, {
    version: 1,
    key: recording.key,
    inputs: recording.inputs,
    outputs: group,
    answer: { ...answer, lang: run.lang, json: run.values.json === true },
    texts: { plain: Buffer.from(plain), colour: Buffer.from(colour) },
  });
}
