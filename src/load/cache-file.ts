import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file of a cache folder (cache-folder.ts) through a temp file and a rename, so that a reader never sees half
 * of one, making its folder. Silent: false when it could not be written (no temp file is left), since a cache entry
 * not kept only costs the next run its work.
 */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, data);
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}
