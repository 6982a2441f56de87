import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareOrdinal } from '../model/compare-ordinal.js';

/**
 * Where the tool keeps what it may recompute (the stat records of the fast path, clean parses, compiled templates):
 * the tool's own node_modules/.cache/telecom-accident-minutes, else a folder of this user's in the OS temp folder,
 * used only when no one else can write to it (what it holds decides what a build prints, and runs as code).
 * Undefined when there is no such folder: nothing is kept.
 */
export function cacheFolder(toolRoot: string): string | undefined {
  const modules = path.join(toolRoot, 'node_modules');
  if (existsSync(modules)) return path.join(modules, '.cache', 'telecom-accident-minutes');
  // node:os only here: loading it costs the fast path more than its whole check.
  const os = process.getBuiltinModule('node:os');
  const uid = process.getuid?.();
  const folder = path.join(os.tmpdir(), `telecom-accident-minutes-${uid ?? os.userInfo().username}`);
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch {
    // It exists already (checked below), or cannot be made.
  }
  const info = lstatSync(folder, { throwIfNoEntry: false });
  const own = info?.isDirectory() === true && (uid === undefined || (info.uid === uid && (info.mode & 0o022) === 0));
  return own ? folder : undefined;
}

/**
 * Keeps the `kept` newest entries of a cache folder whose names `isEntry` accepts (by modification time, the one in
 * use counted among them) and removes the rest, so that a cache keyed by the tool's code does not grow with every
 * edited or updated tool. Silent: a cache that cannot be tidied costs disk space, nothing else.
 */
export function keepNewest(folder: string, isEntry: (name: string) => boolean, kept: number): void {
  try {
    const entries = readdirSync(folder)
      .filter(isEntry)
      .map((name) => ({ name, time: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time || compareOrdinal(a.name, b.name));
    for (const old of entries.slice(kept)) rmSync(path.join(folder, old.name), { recursive: true, force: true });
  } catch {
    // Another build tidied it meanwhile, or it cannot be read.
  }
}
