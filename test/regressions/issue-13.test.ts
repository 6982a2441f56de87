import { cp, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runReportSchema } from '../../src/cli/run-report.js';
import { repoRoot, runCli } from '../support/build-bundled.js';

const TOOL_VERSION = (JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** Issue 13: a command line that behaves like the tools editors already know. Each test names the finding it covers. */
let project: string;

beforeAll(async () => {
  project = await mkdtemp(path.join(os.tmpdir(), 'minutes-issue-13-'));
  await cp(path.join(repoRoot, 'data'), path.join(project, 'data'), { recursive: true });
});

/** A copy of the project where fy2023-08 has an error (a weekday that contradicts its date). */
async function brokenCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-issue-13-broken-'));
  await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
  const meeting = path.join(dir, 'data/meetings/fy2023-08.md');
  await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('date: "2023-12-20"', 'date: "2023-12-20"\nweekday: 月'));
  return dir;
}

const JAPANESE = /[\u3040-\u30ff]/;

describe('issue 13: version and help', () => {
  it('prints the version for --version and -V (both exited 2 with Node’s raw English message)', async () => {
    for (const flag of ['--version', '-V']) {
      const run = await runCli(project, [flag]);
      expect(run).toMatchObject({ code: 0, stdout: `minutes ${TOOL_VERSION}\n`, stderr: '' });
    }
  });

  it('answers `minutes help` (an unknown command) and `build --help` with every option, in Japanese or English', async () => {
    const overview = await runCli(project, ['help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain('コマンド:');
    const build = await runCli(project, ['build', '--help']);
    expect(build.stdout).toMatch(/--templates DIR +テンプレートとスタイルマップのフォルダ（既定: ツール付属の templates\//);
    const watchEn = await runCli(project, ['help', 'watch', '--lang', 'en']);
    for (const option of ['--data DIR', '--lang ja|en', '--fragment', '--clear']) expect(watchEn.stdout).toContain(option);
    expect(watchEn.stdout).not.toMatch(JAPANESE);
    // An English locale gives English without --lang.
    expect((await runCli(project, ['help', 'check'], { LANG: 'en_US.UTF-8' })).stdout).toContain('examples:');
  });

  it('names an unknown option in both languages and shows the command’s usage (exit 2)', async () => {
    const run = await runCli(project, ['build', '--outdir', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('build には不明なオプションです: --outdir\nunknown option for build: --outdir\n\n使い方: minutes build');
  });
});

describe('issue 13: one language per run, and a summary', () => {
  it('says why a meeting was not written in the run’s language (「errorsのため」), and ends with one summary line', async () => {
    const dir = await brokenCopy();
    const ja = await runCli(dir, ['build', '--format', 'html']);
    expect(ja.code).toBe(1);
    expect(ja.stdout).toContain('未出力  fy2023-08（データのエラーのため。以前の出力はそのまま）');
    expect(ja.stdout).not.toContain('errors');
    expect(ja.stdout.trim().split('\n').at(-1)).toMatch(/^✖ 書き出し \d+ ファイル、エラーのため未出力 1 件（以前の出力を保持）、エラー 1 件、警告 0 件、\d+\.\d 秒$/);
    expect(ja.stderr).not.toContain('The weekday');
    const en = await runCli(dir, ['build', '--format', 'html', '--force', '--lang', 'en']);
    expect(en.stdout).toContain('skipped fy2023-08 (errors in the data; earlier outputs kept)');
    expect(en.stdout.trim().split('\n').at(-1)).toMatch(/^✖ \d+ files written, 1 refused because of errors \(earlier outputs kept\), 1 error, 0 warnings, \d+\.\d s$/);
    expect(en.stderr).not.toContain('1 errors');
  });

  it('writes no escape codes when piped, and colours severities with FORCE_COLOR', async () => {
    const dir = await brokenCopy();
    const piped = await runCli(dir, ['check']);
    expect(piped.stdout + piped.stderr).not.toMatch(/\x1b\[|\r/);
    const forced = await runCli(dir, ['check', '--lang', 'en'], { FORCE_COLOR: '1' });
    expect(forced.stderr).toContain('\x1b[31merror\x1b[39m');
  });
});

describe('issue 13: where the project is', () => {
  it('finds the project from data/ (check reported data:1:1 ENOENT, build wrote an empty site into data/output/)', async () => {
    const check = await runCli(path.join(project, 'data/meetings'), ['check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^✔ 15 ファイルを検査、エラー 0 件、警告 0 件/);
    const build = await runCli(path.join(project, 'data'), ['build', '--format', 'html']);
    expect(build.code).toBe(0);
    expect(await readdir(path.join(project, 'output'))).toContain('fy2025-01.html');
    expect(await readdir(path.join(project, 'data'))).not.toContain('output');
  });

  it('reads minutes.config.json at the root (folders, formats, language); options override it; its errors are located', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-config-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'records'), { recursive: true });
    await writeFile(path.join(dir, 'minutes.config.json'), JSON.stringify({ dataDir: 'records', outDir: 'site', formats: ['html'], lang: 'en' }, null, 2));
    await mkdir(path.join(dir, 'notes'));
    const build = await runCli(path.join(dir, 'notes'), ['build']);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('wrote  ../site/fy2025-01.html');
    expect(build.stdout).not.toContain('.docx');
    const ja = await runCli(dir, ['build', '--lang', 'ja', '--out', 'other', '--format', 'docx']);
    expect(ja.stdout).toContain('書き出し  other/fy2025-01.docx');

    await writeFile(path.join(dir, 'minutes.config.json'), '{\n  "outDir": "site",\n  "formats": "html"\n}\n');
    const broken = await runCli(dir, ['check']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/minutes\.config\.json:3:14 +エラー .* invalid-value/);
    // The help still answers, so that the keys can be looked up.
    expect((await runCli(dir, ['help'])).code).toBe(0);
  });
});

describe('issue 13: machine-readable output', () => {
  it('prints one JSON document with the tool version, counts and diagnostics, in the shape of its schema', async () => {
    const dir = await brokenCopy();
    const check = await runCli(dir, ['check', '--json']);
    expect(check.code).toBe(1);
    const report = runReportSchema.parse(JSON.parse(check.stdout));
    expect(report).toMatchObject({ tool: { name: 'minutes', version: TOOL_VERSION }, command: 'check', exitCode: 1, counts: { files: 15, errors: 1, warnings: 0 } });
    expect(report.diagnostics.map((d) => d.id)).toEqual(['weekday-mismatch']);

    const build = runReportSchema.parse(JSON.parse((await runCli(dir, ['build', '--json', '--format', 'html'])).stdout));
    expect(build).toMatchObject({ command: 'build', counts: { errors: 1, refused: 1 }, refused: [{ id: 'fy2023-08' }] });
    expect(build.outputs).toContainEqual({ path: 'output/fy2025-01.html', status: 'written' });
  });

  it('keeps check --format json working, with a deprecation notice on stderr (--format now means output formats)', async () => {
    const old = await runCli(project, ['check', '--format', 'json']);
    expect(old.code).toBe(0);
    expect(runReportSchema.parse(JSON.parse(old.stdout)).counts.errors).toBe(0);
    expect(old.stderr).toBe('check --format json は廃止予定です。--json を使ってください。\n');
  });
});
