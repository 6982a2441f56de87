import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolRootOf } from './tool-root.js';
import { hashParts } from './write/manifest.js';

/**
 * A hash of the code that is running, so that any change to the tool rebuilds what it wrote (package.json's version
 * stayed 0.1.0 through every commit): every file of the folder the running module is in (src/ when run from the
 * TypeScript sources, dist/ when run from the bundle; source maps left out), and the lock file, which pins the
 * dependencies. Read once per build.
 */
export async function hashToolCode(): Promise<string> {
  const running = fileURLToPath(import.meta.url);
  const root = toolRootOf(running);
  const codeDir = path.join(root, path.relative(root, running).split(path.sep)[0]);
  const entries = await readdir(codeDir, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.endsWith('.map'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  const lockFile = path.join(root, 'package-lock.json');
  const parts: (string | Uint8Array)[] = [];
  for (const file of [...files, ...(existsSync(lockFile) ? [lockFile] : [])]) parts.push(path.relative(root, file), await readFile(file));
  return hashParts(parts);
}
