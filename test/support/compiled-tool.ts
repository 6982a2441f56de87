import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './build-bundled.js';
import type { CliRun } from './small-project.js';

const run = promisify(execFile);

/**
 * A copy of the tool as installed: bin/, the bundle compiled into its own dist/ (scripts/bundle.mjs), templates, the
 * package files and an empty node_modules/ (where its caches go), without src/, so bin/minutes.js always runs the
 * bundle. Returns its root.
 */
export async function makeCompiledTool(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'minutes-tool-'));
  for (const part of ['bin', 'templates', 'package.json', 'package-lock.json']) await cp(path.join(repoRoot, part), path.join(root, part), { recursive: true });
  await mkdir(path.join(root, 'node_modules'));
  await run('node', [path.join(repoRoot, 'scripts/bundle.mjs'), path.join(root, 'dist')], { cwd: repoRoot, timeout: 120_000 });
  return root;
}

/** Runs a tool's bin/minutes.js in a folder with a neutral locale and no colour; never throws on a non-zero exit. */
export function runTool(tool: string, cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const neutral: Record<string, string | undefined> = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', NO_COLOR: '', ...env };
  delete neutral.FORCE_COLOR;
  return run('node', [path.join(tool, 'bin/minutes.js'), ...args], { cwd, timeout: 120_000, env: neutral, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}
