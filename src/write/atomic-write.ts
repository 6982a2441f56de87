import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A temp file or folder of a running build, always inside the output folder (so a rename never crosses file
 * systems: EXDEV): `.<name>.<pid>-<random>.tmp`. The pid lets the next build tell a killed build's leftovers from
 * the files of a build that is still running (stale-temp-files.ts).
 */
export function tempPathBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** The process id a temp name was made by, or undefined when the name is not one of ours. */
export function tempOwner(name: string): number | undefined {
  const match = /^\..+\.(\d+)(?:-[0-9a-f]{8})?\.tmp$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Replaces a file only by a complete new one: write a temp file beside it, then rename over it. */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempPathBeside(target);
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes (atomically) only when the content differs, so a no-op build touches nothing. */
export async function writeIfChanged(target: string, content: string | Uint8Array): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  const existing = await readFile(target).catch(() => undefined);
  if (existing && existing.equals(bytes)) return false;
  await writeFileAtomic(target, bytes);
  return true;
}
