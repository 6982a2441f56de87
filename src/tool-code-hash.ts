import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCacheFile } from './load/cache-file.js';
import { cacheFolder } from './load/cache-folder.js';
import { describeFile } from './load/describe-file.js';
import { toolRootOf } from './tool-root.js';
import { hashParts } from './write/manifest.js';

/**
 * A hash of the code that is running, so that any change to the tool rebuilds what it wrote (package.json's version
 * stayed 0.1.0 through every commit): every file of the folder the running module is in (src/ when run from the
 * TypeScript sources, dist/ when run from the bundle; source maps left out), and the lock file, which pins the
 * dependencies. Read once per build.
 *
 * Reading and hashing ≈ 2 MB of bundle cost a one-meeting build ≈ 9 ms: the hash is kept in the tool's cache folder
 * with the files' descriptions (describe-file.ts), and taken from there while every file is described the same (a
 * file changed too recently to be trusted is read, and nothing is kept).
 */
export async function hashToolCode(): Promise<string> {
  const running = fileURLToPath(import.meta.url);
  const root = toolRootOf(running);
  return hashCodeFolder(root, path.join(root, path.relative(root, running).split(path.sep)[0]));
}

/** The hash of a checkout's code folder and lock file (hashToolCode), from the memo when it still holds. */
export async function hashCodeFolder(root: string, codeDir: string): Promise<string> {
  const entries = readdirSync(codeDir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.endsWith('.map'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  const lockFile = path.join(root, 'package-lock.json');
  const hashed = [...files, ...(existsSync(lockFile) ? [lockFile] : [])];
  const takenAtNs = BigInt(Date.now()) * 1_000_000n;
  const described = hashed.map((file) => describeFile(file, takenAtNs));
  const descriptions = [...hashed, ...described.map((d) => d.text)];
  const racy = described.some((d) => d.racy);
  const memo = memoFile(root, codeDir);
  const kept = memo && readMemo(memo);
  if (kept && !racy && sameList(kept.descriptions, descriptions)) return kept.hash;
  const parts: (string | Uint8Array)[] = [];
  for (const file of hashed) parts.push(path.relative(root, file), readFileSync(file));
  const hash = hashParts(parts);
  if (memo && !racy) writeCacheFile(memo, JSON.stringify({ descriptions, hash } satisfies CodeHashMemo));
  return hash;
}

interface CodeHashMemo {
  /** The files hashed, then their descriptions when they were read. */
  descriptions: string[];
  hash: string;
}

/** One memo per code folder (checkouts may share one node_modules, and so one cache folder). */
function memoFile(root: string, codeDir: string): string | undefined {
  const folder = cacheFolder(root);
  return folder && path.join(folder, 'code-hash', `${createHash('sha256').update(codeDir).digest('hex').slice(0, 16)}.json`);
}

function readMemo(file: string): CodeHashMemo | undefined {
  try {
    const memo = JSON.parse(readFileSync(file, 'utf8')) as Partial<CodeHashMemo>;
    return Array.isArray(memo.descriptions) && typeof memo.hash === 'string' ? (memo as CodeHashMemo) : undefined;
  } catch {
    return undefined;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
