import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Replaces a file only by a complete new one: write a temp file beside it, then rename over it. */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
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
