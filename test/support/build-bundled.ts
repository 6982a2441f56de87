import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildProject } from '../../src/build.js';
import { loadProject } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const seedMeetings = ['fy2022-08', 'fy2023-08', 'fy2024-08', 'fy2025-01'] as const;

/** Builds the bundled data/ into a fresh temp folder, as `npm start` does into output/. */
export async function buildBundledData(formats: ('html' | 'docx')[] = ['html', 'docx']) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-build-'));
  const project = await loadProject({ cwd: repoRoot, dataDir: 'data' });
  const result = await buildProject(project, { cwd: repoRoot, outDir, templatesDir: path.join(repoRoot, 'templates'), formats });
  return { outDir, project, result, diagnostics: allDiagnostics(project) };
}

/** Where tests leave pictures for people to look at (not committed). */
export const lookDir = path.join(repoRoot, 'test-output');

/** Whether an external program is on PATH. */
export async function hasProgram(name: string): Promise<boolean> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => execFile('sh', ['-c', `command -v ${name}`], (error) => resolve(!error)));
}

/** Locally a missing renderer is announced loudly and the test is reported as not run; under CI it fails. */
export function requireRenderer(name: string, available: boolean): boolean {
  if (available) return true;
  const message = `\n!!! ${name} is not installed: the real-renderer checks did NOT run. Install it (see .ci/run). !!!\n`;
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(message);
  return false;
}

/**
 * Runs the real CLI (bin/minutes.js) in a folder; resolves with its exit code and output, also on failure. The locale
 * is neutral (the output is Japanese unless a test asks otherwise) and colours are off, whatever the machine's setting.
 */
export async function runCli(cwd: string, args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const neutral: Record<string, string | undefined> = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', NO_COLOR: '', FORCE_COLOR: undefined, ...env };
  for (const [key, value] of Object.entries(neutral)) if (value === undefined) delete neutral[key];
  return promisify(execFile)('node', [path.join(repoRoot, 'bin/minutes.js'), ...args], { cwd, timeout: 120_000, env: neutral }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}
