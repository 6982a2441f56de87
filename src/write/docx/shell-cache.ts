import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheFolder, keepNewest } from '../../load/cache-folder.js';
import type { ShellParts } from './package-parts.js';
import type { StyleMap } from './style-map.js';

/** Shells kept per folder: each new code hash (an edited or updated tool) writes one; the oldest beyond these go. */
const KEPT = 8;

/** Raised whenever the form of ShellParts or of the file changes, so that no older file is read. */
const FORMAT = 'minutes-docx-shell/1';

/**
 * The package shell of a style map kept on disk between runs, so that a build whose shell is known does not load the
 * docx package: keyed by the docx package's version, the style map and the running tool's code hash, and checked by
 * a checksum of its content. Anything unexpected (no file, another key, a damaged file, a folder we cannot write)
 * means computing the shell again: the cache only ever saves time.
 */

/** The docx package's version, and the node_modules folder it is installed in (the cache goes there). */
function docxPackage(): { version: string; modules: string } {
  const entry = createRequire(import.meta.url).resolve('docx');
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'docx' && manifest.version) return { version: manifest.version, modules: path.dirname(dir) };
    } catch {
      // no package.json in this folder: look further up
    }
  }
  throw new Error(`docx package: no package.json above ${entry}`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where the shell of a style map is kept: the folder given (tests), or the tool's cache folder. */
export interface ShellCacheKey {
  styleMap: StyleMap;
  codeHash: string;
  folder?: string;
}

function location({ styleMap, codeHash, folder }: ShellCacheKey): { file: string; key: string } {
  const docx = docxPackage();
  const key = sha256(JSON.stringify([FORMAT, docx.version, codeHash, styleMap]));
  // The tool's cache folder (cache-folder.ts): beside the node_modules that holds the docx package, or this user's own
  // folder in the OS temp folder; none: nothing is kept.
  const dir = folder ?? cacheFolder(path.dirname(docx.modules));
  if (!dir) throw new Error('no cache folder');
  return { file: path.join(dir, `docx-shell-${key.slice(0, 32)}.json`), key };
}

/** The cached shell of a style map, if there is one and it is intact. */
export function readCachedShell(at: ShellCacheKey): ShellParts | undefined {
  try {
    const { file, key } = location(at);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; checksum?: unknown; parts?: unknown };
    if (stored.key !== key || typeof stored.checksum !== 'string' || stored.checksum !== sha256(JSON.stringify(stored.parts))) return undefined;
    return stored.parts as ShellParts;
  } catch {
    return undefined;
  }
}

/** Keeps a shell on disk for the next run (written whole, then renamed, so that a reader never sees half a file). */
export function writeCachedShell(at: ShellCacheKey, parts: ShellParts): void {
  try {
    const { file, key } = location(at);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}-${threadId}`;
    writeFileSync(temporary, JSON.stringify({ key, checksum: sha256(JSON.stringify(parts)), parts }));
    renameSync(temporary, file);
    keepNewest(path.dirname(file), (name) => /^docx-shell-[0-9a-f]+\.json$/.test(name), KEPT);
  } catch {
    // A cache that cannot be written costs the next run the docx package's time, nothing else.
  }
}
