import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/build-bundled.js';
import { smallIncident, smallMeeting } from '../support/small-project.js';

const run = promisify(execFile);
const cli = path.join(repoRoot, 'bin/minutes.js');

const meeting = smallMeeting;
const incident = smallIncident;

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs the real CLI on a data folder holding the given files; never throws on a non-zero exit. */
async function runCli(files: Record<string, string | Buffer>, command: 'check' | 'build' = 'build') {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-hostile-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, 'data', name)), { recursive: true });
    await writeFile(path.join(dir, 'data', name), content);
  }
  // --out belongs to build only: check rejects options it does not have.
  const result = await run('node', [cli, command, ...(command === 'build' ? ['--out', 'output'] : [])], { cwd: dir, timeout: 60_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  const outputs = await readdir(path.join(dir, 'output')).catch(() => [] as string[]);
  const html = outputs.includes('fy2025-03.html') ? await readFile(path.join(dir, 'output/fy2025-03.html'), 'utf8') : '';
  return { ...result, dir, outputs, html };
}

function expectCleanFailure(result: { code: number; stderr: string }, id: string) {
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
  expect(result.stderr).toContain(id);
  expect(result.code).toBe(1);
}

describe('hostile input', () => {
  it('escapes script tags and event-handler attributes written in the data', async () => {
    const result = await runCli({
      'meetings/fy2025-03.md': meeting,
      'incidents/2025-08-01-test.md': incident('description: <script>alert(1)</script>', '<img src=x onerror=alert(1)> "quoted" & <b onclick="x()">b</b>'),
    });
    expect(result.code).toBe(0);
    expect(result.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(result.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(result.html).not.toMatch(/<script|<img src="x"|<[^>]*\son(error|click)=/);
  });

  it('rejects javascript: links with a located message and writes nothing', async () => {
    const result = await runCli({
      'meetings/fy2025-03.md': meeting,
      'incidents/2025-08-01-test.md': incident('description: 障害。', '[詳細](javascript:alert(1))'),
    });
    expectCleanFailure(result, 'unsafe-link');
    expect(result.stderr).toContain('2025-08-01-test.md:18:');
    expect(result.outputs).not.toContain('fy2025-03.html');
  });

  it('keeps figure paths inside data/', async () => {
    const result = await runCli({
      'meetings/fy2025-03.md': meeting,
      'incidents/2025-08-01-test.md': incident('description: 障害。', '![passwd](../../../../etc/passwd)'),
    });
    expectCleanFailure(result, 'figure-outside-data');
  });

  it('bounds YAML alias expansion', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`)].join('\n');
    const result = await runCli({ 'incidents/bomb.md': `---\ntype: incident\n${bomb}\n---\n` }, 'check');
    expectCleanFailure(result, 'yaml-too-complex');
  });

  it('refuses a 10 MB file with a clear message', async () => {
    const big = incident('description: 障害。', 'あ'.repeat(3_500_000));
    const result = await runCli({ 'incidents/big.md': big }, 'check');
    expectCleanFailure(result, 'file-too-large');
  });

  it('survives 10,000-deep nesting in YAML and in Markdown', async () => {
    const yamlDeep = `---\ntype: incident\nx: ${'['.repeat(10000)}${']'.repeat(10000)}\n---\n`;
    const mdDeep = incident('description: 障害。', '>'.repeat(10000) + ' 深い\n\n' + Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- 項目`).join('\n'));
    const result = await runCli({ 'incidents/deep-yaml.md': yamlDeep, 'incidents/2025-08-01-test.md': mdDeep, 'meetings/fy2025-03.md': meeting });
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr).toContain('deep-yaml.md');
    expect(result.code).toBe(1);
  });

  it('reports invalid UTF-8 instead of guessing', async () => {
    const bytes = Buffer.concat([Buffer.from('---\ntype: meeting\nplace: '), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('\n---\n')]);
    const result = await runCli({ 'meetings/fy2025-03.md': bytes }, 'check');
    expectCleanFailure(result, 'invalid-encoding');
  });

  it('reads files with a BOM and CRLF line ends like any other', async () => {
    const result = await runCli({
      'meetings/fy2025-03.md': `\uFEFF${meeting.replace(/\n/g, '\r\n')}`,
      'incidents/2025-08-01-test.md': incident('description: 障害。', '原因。').replace(/\n/g, '\r\n'),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.html).toContain('株式会社テスト');
  });

  it('reports tab indentation in YAML as a syntax error at its line', async () => {
    const result = await runCli({ 'meetings/fy2025-03.md': meeting.replace('  - text:', '\t- text:') }, 'check');
    expectCleanFailure(result, 'yaml-syntax');
    expect(result.stderr).toContain('fy2025-03.md:10:');
  });

  it('says in one line that it cannot write when the output folder is a file, without a stack', async () => {
    const { dir } = await runCli({ 'meetings/fy2025-03.md': meeting, 'incidents/2025-08-01-test.md': incident('description: 障害。', '原因。') }, 'check');
    const result = await run('node', [cli, 'build', '--out', 'data/meetings/fy2025-03.md'], { cwd: dir, timeout: 60_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(73);
    expect(result.stderr).toBe('ファイルを読み書きできません / cannot read or write: data/meetings/fy2025-03.md (EEXIST: mkdir)\n');
  });
});
