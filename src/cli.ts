#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildProject, outputFormats, type OutputFormat } from './build.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { formatDiagnosticsJson, formatDiagnosticsText, type Lang } from './diagnostics/format-text.js';
import { loadProject } from './pipeline.js';
import { watchProject } from './watch.js';
import { MissingProgramError } from './write/convert-pdf.js';
import { parseIsoDate } from './normalize/datetime.js';
import { operatorSlugOf, scaffoldIncident, scaffoldMeeting } from './scaffold/new-file.js';
import { writeFileAtomic } from './write/atomic-write.js';
import { allDiagnostics } from './project.js';
import { computeRunKey } from './run-key.js';
import { allOutputsPresent, readManifest, writeManifest } from './write/manifest.js';
import { keptFromLastGoodState } from './site/last-good-state.js';

const USAGE = `使い方 / usage:
  minutes build [files or folders…] [--out DIR] [--format html,docx,pdf] [--fragment] [--force] [--data DIR] [--lang ja|en]
  minutes check [files or folders…] [--strict] [--format text|json] [--data DIR] [--lang ja|en]
  minutes new meeting [--date YYYY-MM-DD]
  minutes new incident <operator-slug> [--date YYYY-MM-DD]
  minutes watch [--out DIR] [--format html,docx]
  minutes schemas [--data DIR]          JSON Schemas for editors → DIR/schemas/

終了コード / exit codes: 0 ok, 1 data errors, 2 usage, 3 template errors, 70 internal error, 73 cannot write (disk, permissions)`;

class UsageError extends Error {}

/** Errors of the file system around the tool (exit code 73), as opposed to the tool's own bugs (70). */
const FILE_SYSTEM_ERRORS = new Set(['ENOENT', 'EEXIST', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'ENAMETOOLONG', 'ELOOP', 'EFBIG', 'EXDEV', 'EIO', 'EBUSY', 'ENOTEMPTY']);

const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'output' },
      format: { type: 'string' },
      data: { type: 'string', default: 'data' },
      templates: { type: 'string', default: path.join(toolRoot, 'templates') },
      lang: { type: 'string', default: 'ja' },
      strict: { type: 'boolean', default: false },
      fragment: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...inputs] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const lang = values.lang;
  if (lang !== 'ja' && lang !== 'en') throw new UsageError(`--lang は ja か en です / --lang must be ja or en: ${lang}`);
  const cwd = process.cwd();
  if (command === 'build' && !values.force) {
    const unchanged = await answerUnchangedRun(cwd, values, inputs, lang);
    if (unchanged !== undefined) return unchanged;
  }
  const project = await loadProject({ cwd, dataDir: values.data, inputs });
  const readText = (file: string) => project.files.find((f) => f.path === file)?.text ?? safeRead(path.resolve(cwd, file));

  if (command === 'check') {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`check --format は text か json です / must be text or json: ${format}`);
    const diagnostics = selectDiagnostics(allDiagnostics(project), inputs, cwd);
    report(diagnostics, format, lang, readText);
    if (format === 'text') reportKept(keptFromLastGoodState(project, await readManifest(path.resolve(cwd, values.out))), lang);
    return exitCode(diagnostics, values.strict);
  }
  if (command === 'build') {
    const formats = parseFormats(values.format ?? 'html,docx');
    const only = inputs.map((i) => path.resolve(cwd, i));
    const result = await buildProject(project, { cwd, outDir: values.out, templatesDir: values.templates, formats, only, fragment: values.fragment, force: values.force });
    const diagnostics = [...selectDiagnostics(allDiagnostics(project), inputs, cwd), ...result.diagnostics];
    for (const file of result.written) process.stdout.write(`${lang === 'ja' ? '書き出し' : 'wrote'}  ${path.relative(cwd, file)}\n`);
    for (const file of result.removed) process.stdout.write(`${lang === 'ja' ? '削除' : 'removed'}  ${path.relative(cwd, file)}${lang === 'ja' ? '（今回は作らない、前回の出力）' : ' (an earlier output this build does not make)'}\n`);
    if (result.unchanged.length) {
      process.stdout.write(
        lang === 'ja'
          ? `変更なし  ${result.unchanged.join(', ')}（前回から入力が変わっていないため省略。--force で再作成）\n`
          : `unchanged ${result.unchanged.join(', ')} (inputs did not change; --force rebuilds)\n`,
      );
    }
    for (const skip of result.skipped) {
      process.stdout.write(
        lang === 'ja' ? `未出力  ${skip.id}（${skip.reason}のため。以前の出力はそのまま）\n` : `skipped ${skip.id} (${skip.reason}; earlier outputs kept)\n`,
      );
    }
    if (diagnostics.length) report(diagnostics, 'text', lang, readText);
    reportKept(result.kept, lang);
    if (result.diagnostics.some((d) => d.id === 'template-error')) return 3;
    await recordRun(path.resolve(cwd, values.out), await runKeyOf(cwd, values, inputs), diagnostics);
    return exitCode(diagnostics, values.strict);
  }
  if (command === 'watch') {
    const formats = parseFormats(values.format ?? 'html,docx');
    process.stdout.write(lang === 'ja' ? '監視中… 保存するたびに作り直します（Ctrl+C で終了）\n' : 'watching… rebuilding on every save (Ctrl+C stops)\n');
    watchProject({
      cwd,
      dataDir: values.data,
      outDir: values.out,
      templatesDir: values.templates,
      formats,
      fragment: values.fragment,
      onBuild: (result, diagnostics) => {
        const stamp = new Date().toISOString().slice(11, 19);
        for (const file of result.written) process.stdout.write(`[${stamp}] ${lang === 'ja' ? '書き出し' : 'wrote'}  ${path.relative(cwd, file)}\n`);
        for (const skip of result.skipped) process.stdout.write(`[${stamp}] ${lang === 'ja' ? '未出力' : 'skipped'}  ${skip.id} (${skip.reason})\n`);
        if (diagnostics.length) report(diagnostics, 'text', lang, (f) => safeRead(path.resolve(cwd, f)));
      },
      onError: (error) => process.stderr.write(`internal error, please report / 内部エラー: ${(error as Error).stack ?? String(error)}\n`),
    });
    return new Promise<number>(() => undefined);
  }
  if (command === 'new') {
    const [kind, slug] = inputs;
    const today = values.date ?? new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    if (!parseIsoDate(today)) throw new UsageError(`--date は 2025-06-12 の形式です / --date must look like 2025-06-12: ${today}`);
    const operator = slug === undefined ? undefined : operatorSlugOf(slug);
    if (kind === 'incident' && !operator) {
      throw new UsageError(
        `minutes new incident には事業者の略称（英小文字・数字・-）が必要です。例: minutes new incident kddi --date 2025-04-26${slug ? `（「${slug}」からは作れません）` : ''}\n` +
          `minutes new incident needs the operator's slug (a-z, 0-9, -), e.g. minutes new incident kddi --date 2025-04-26`,
      );
    }
    const made = kind === 'meeting' ? scaffoldMeeting(project, today) : kind === 'incident' ? scaffoldIncident(project.dataDir, today, operator!) : undefined;
    if (!made) throw new UsageError('minutes new meeting [--date YYYY-MM-DD] | minutes new incident <operator-slug> [--date YYYY-MM-DD]');
    const target = path.join(project.dataDir, made.relativePath);
    if (existsSync(target)) throw new UsageError(`既にあります / already exists: ${path.relative(cwd, target)}`);
    await writeFileAtomic(target, made.text);
    process.stdout.write(`${lang === 'ja' ? '作成' : 'created'}  ${path.relative(cwd, target)}\n`);
    return 0;
  }
  if (command === 'schemas') {
    const { frontMatterJsonSchema } = await import('./schema/json-schema.js');
    for (const type of ['meeting', 'incident'] as const) {
      const target = path.join(project.dataDir, 'schemas', `${type}.schema.json`);
      await writeFileAtomic(target, frontMatterJsonSchema(type));
      process.stdout.write(`${lang === 'ja' ? '書き出し' : 'written'}  ${path.relative(cwd, target)}\n`);
    }
    return 0;
  }
  throw new UsageError(`不明なコマンド / unknown command: ${command}`);
}

type CliValues = { out: string; data: string; templates: string; format?: string; fragment: boolean; strict: boolean };

function runKeyOf(cwd: string, values: CliValues, inputs: readonly string[]): Promise<string> {
  const options = { format: values.format ?? 'html,docx', fragment: values.fragment, inputs, data: values.data };
  return computeRunKey(path.resolve(cwd, values.data), path.resolve(cwd, values.templates), options);
}

/**
 * A build whose inputs are all as they were at the last run, with every output in place, writes nothing: say so,
 * repeat the problems that run reported, and skip parsing every file. Undefined when a real build is needed.
 */
async function answerUnchangedRun(cwd: string, values: CliValues, inputs: readonly string[], lang: Lang): Promise<number | undefined> {
  const outDir = path.resolve(cwd, values.out);
  const manifest = await readManifest(outDir);
  if (!manifest.run || !allOutputsPresent(manifest, outDir) || !manifest.run.siteFiles.every((f) => existsSync(path.join(outDir, f)))) return undefined;
  if (manifest.run.key !== (await runKeyOf(cwd, values, inputs))) return undefined;
  process.stdout.write(
    lang === 'ja'
      ? `変更なし  すべて（前回から入力が変わっていないため省略。--force で再作成）\n`
      : `unchanged: everything (inputs did not change; --force rebuilds)\n`,
  );
  const diagnostics = manifest.run.diagnostics;
  if (diagnostics.length) report(diagnostics, 'text', lang, (f) => safeRead(path.resolve(cwd, f)));
  return exitCode(diagnostics, values.strict);
}

const SITE_FILES = ['index.html', 'incidents.html', 'incidents.csv', 'incidents.json', 'incidents-by-year.svg', 'styles.css'];

async function recordRun(outDir: string, key: string, diagnostics: Diagnostic[]): Promise<void> {
  const manifest = await readManifest(outDir);
  // The site pages that this run left in place (a run with a broken meeting keeps the index as it was, or has none).
  const siteFiles = SITE_FILES.filter((f) => existsSync(path.join(outDir, f)));
  manifest.run = { key, diagnostics, siteFiles };
  await writeManifest(outDir, manifest);
}

/** Documents published as they last were, because their inputs are broken now (last-good-state.ts). */
function reportKept(ids: readonly string[], lang: Lang): void {
  if (ids.length === 0) return;
  process.stderr.write(
    lang === 'ja'
      ? `前回の正常な状態を公開中  ${ids.join(', ')}（入力にエラーがあるため、前回のページと一覧・台帳の行をそのまま残しています）\n`
      : `kept from the last good state: ${ids.join(', ')} (their inputs have errors; their last pages and rows stay published)\n`,
  );
}

function parseFormats(value: string): OutputFormat[] {
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of formats) {
    if (!(outputFormats as readonly string[]).includes(f)) {
      throw new UsageError(`--format に使えるのは ${outputFormats.join(', ')} です / unknown format: ${f}`);
    }
  }
  return formats as OutputFormat[];
}

/** Diagnostics of the named files (all when none are named); cross-file findings stay with their file. */
function selectDiagnostics(diagnostics: Diagnostic[], inputs: string[], cwd: string): Diagnostic[] {
  if (inputs.length === 0) return diagnostics;
  const targets = inputs.map((i) => path.resolve(cwd, i));
  return diagnostics.filter((d) => {
    const file = path.resolve(cwd, d.file);
    return targets.some((t) => file === t || file.startsWith(t + path.sep));
  });
}

function report(diagnostics: Diagnostic[], format: 'text' | 'json', lang: Lang, readText: (f: string) => string | undefined) {
  if (format === 'json') {
    process.stdout.write(`${formatDiagnosticsJson(diagnostics)}\n`);
  } else if (diagnostics.length) {
    process.stderr.write(`${formatDiagnosticsText(diagnostics, lang, readText)}\n`);
  }
}

function exitCode(diagnostics: Diagnostic[], strict: boolean): number {
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  if (strict && diagnostics.some((d) => d.severity === 'warning')) return 1;
  return 0;
}

function safeRead(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    if (process.env.MINUTES_REPORT_RSS) process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
  },
  (error: unknown) => {
    if (error instanceof MissingProgramError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof UsageError || (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    const io = error as NodeJS.ErrnoException;
    if (io.code && FILE_SYSTEM_ERRORS.has(io.code)) {
      // Not our bug: a folder that is a file, a read-only or full disk, missing permissions.
      const where = io.path ? path.relative(process.cwd(), io.path) || io.path : '';
      process.stderr.write(`ファイルを読み書きできません / cannot read or write: ${where} (${io.code}: ${io.syscall ?? ''})\n`);
      process.exitCode = 73;
      return;
    }
    process.stderr.write(`internal error, please report / 内部エラーです。報告してください。\n${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 70;
  },
);
