import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './build-bundled.js';

const run = promisify(execFile);

/** A meeting that shows one incident, 2025-08-01-test. */
export const smallMeeting = `---
type: meeting
fiscalYear: 2025
number: 3
date: "2025-09-10"
start: "10:00"
end: "11:00"
place: Web会議
agenda:
  - text: 説明が行われた。
    incidents: [2025-08-01-test]
---
`;

/** A valid incident, with extra front matter lines and a 発生原因 body. */
export const smallIncident = (frontMatterExtra: string, body: string) => `---
type: incident
operators:
  - name: 株式会社テスト
occurrences:
  - occurredAt: "2025-08-01 10:00"
    duration: PT3H
affectedUsers: { value: 50000, unit: 人 }
region: 全国
inquiries: "-"
${frontMatterExtra}
classification:
  class: 五 一の項から四の項までに掲げる電気通信役務以外の電気通信役務
---

## 発生原因

${body}

## 再発防止策

対策。
`;

/** A temp project folder whose data/ holds the given files (paths relative to data/). */
export async function makeProject(files: Record<string, string | Buffer>, prefix = 'minutes-small-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  await writeData(dir, files);
  return dir;
}

/**
 * The small meeting and its incident, with a copy of the tool's templates in the project's templates/ folder (to be
 * edited by the test; build with `--templates templates`).
 */
export async function makeSmallProjectWithTemplates(): Promise<string> {
  const dir = await makeProject({ 'meetings/fy2025-03.md': smallMeeting, 'incidents/2025-08-01-test.md': smallIncident('', '原因。') });
  await cp(path.join(repoRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

/** Rewrites a text file through `edit`. */
export async function editFile(file: string, edit: (text: string) => string): Promise<void> {
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

/** Writes files into a project's data/ folder. */
export async function writeData(dir: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, 'data', name)), { recursive: true });
    await writeFile(path.join(dir, 'data', name), content);
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a folder; never throws on a non-zero exit. */
export function runMinutes(cwd: string, args: string[], timeout = 120_000): Promise<CliRun> {
  return run('node', [path.join(repoRoot, 'bin/minutes.js'), ...args], { cwd, timeout, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

/** An exit with a located diagnostic, no internal error and no stack. */
export function isCleanFailure(result: CliRun): boolean {
  return !result.stderr.includes('internal error') && !/\n\s+at .+\(.*:\d+:\d+\)/.test(result.stderr);
}

/** A project with one meeting showing one valid incident; its folder is added to `made` for removal. */
export async function makeSmallProject(made: string[]): Promise<string> {
  const dir = await makeProject({ 'meetings/fy2025-03.md': smallMeeting, 'incidents/2025-08-01-test.md': smallIncident('', '原因。') });
  made.push(dir);
  return dir;
}

/** Copies the tool (bin, src, templates, scripts, package files) into a folder, sharing node_modules by a symlink. */
export async function copyCheckout(root: string): Promise<void> {
  const { cp, symlink } = await import('node:fs/promises');
  for (const part of ['bin', 'src', 'templates', 'scripts', 'package.json', 'package-lock.json']) {
    await cp(path.join(repoRoot, part), path.join(root, part), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
}

/** Runs a copied checkout's own bin/minutes.js, as `npm start` there does. */
export function runCheckout(root: string, args: string[]): Promise<CliRun> {
  return run('node', [path.join(root, 'bin/minutes.js'), ...args], { cwd: root, timeout: 120_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
