import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from './load/map-limited.js';
import { hashParts } from './write/manifest.js';
import { hashToolCode } from './tool-code-hash.js';

/**
 * Every file under a folder, sorted, with its bytes (a missing folder has none). A symlink counts as what it leads
 * to, read through (editing the target of a symlinked record must rebuild); a dangling one by where it points.
 */
async function filesUnder(root: string): Promise<{ name: string; bytes: Uint8Array | string }[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => path.join(e.parentPath ?? e.path, e.name)).sort();
  return mapLimited(files, async (file) => ({ name: path.relative(root, file), bytes: await contentOf(file) }));
}

async function contentOf(file: string): Promise<Uint8Array | string> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return `dangling symlink to ${await readlink(file).catch(() => '?')}`;
  // A symlink to a folder: its files are not records of this folder (the loader does not follow it either).
  if (!info.isFile()) return `not a file: ${info.isDirectory() ? 'folder' : 'special'}`;
  return new Uint8Array(await readFile(file));
}

/**
 * A hash of everything a whole build depends on: the tool, the templates, every file of the data folder (records,
 * figures, codes) and the options. Equal to the last run's key, with its outputs in place, means the build would
 * write nothing and report the same problems: `minutes build` then answers from the manifest without parsing.
 */
export async function computeRunKey(dataDir: string, templatesDir: string, options: unknown): Promise<string> {
  const [data, templates] = await Promise.all([filesUnder(dataDir), filesUnder(templatesDir)]);
  return hashParts([
    await hashToolCode(),
    JSON.stringify(options),
    ...data.flatMap((f) => [`data/${f.name}`, f.bytes]),
    ...templates.flatMap((f) => [`templates/${f.name}`, f.bytes]),
  ]);
}
