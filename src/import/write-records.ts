import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../write/atomic-write.js';

export interface PlannedFile {
  /** Path relative to the data folder: meetings/fy2025-01.md. */
  relativePath: string;
  text: string;
}

/** Ids already taken in the data folder (a meeting and an incident may not share one either). */
export function existingTargets(dataDir: string, files: readonly PlannedFile[]): string[] {
  const taken: string[] = [];
  for (const f of files) {
    const name = path.basename(f.relativePath);
    for (const folder of ['meetings', 'incidents']) {
      const candidate = path.join(dataDir, folder, name);
      if (existsSync(candidate)) taken.push(candidate);
    }
  }
  return taken;
}

/** Writes the planned files (each to a temp file renamed into place); returns their paths. */
export async function writeRecords(dataDir: string, files: readonly PlannedFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(dataDir, f.relativePath);
    await writeFileAtomic(target, f.text);
    written.push(target);
  }
  return written;
}
