import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from './load/map-limited.js';
import { hashParts } from './write/manifest.js';
import { TOOL_VERSION } from './version.js';

/** Every file under a folder, sorted, with its bytes (a missing folder has none). */
async function filesUnder(root: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? e.path, e.name)).sort();
  return mapLimited(files, async (file) => ({ name: path.relative(root, file), bytes: new Uint8Array(await readFile(file)) }));
}

/**
 * A hash of everything a whole build depends on: the tool, the templates, every file of the data folder (records,
 * figures, codes) and the options. Equal to the last run's key, with its outputs in place, means the build would
 * write nothing and report the same problems: `minutes build` then answers from the manifest without parsing.
 */
export async function computeRunKey(dataDir: string, templatesDir: string, options: unknown): Promise<string> {
  const [data, templates] = await Promise.all([filesUnder(dataDir), filesUnder(templatesDir)]);
  return hashParts([
    TOOL_VERSION,
    JSON.stringify(options),
    ...data.flatMap((f) => [`data/${f.name}`, f.bytes]),
    ...templates.flatMap((f) => [`templates/${f.name}`, f.bytes]),
  ]);
}
