import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
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

/**
 * Replaces a file only by a complete new one: write a temp file beside it, then rename over it. The temp file is written
 * with synchronous calls: an output of a few hundred kB goes into the page cache in well under a millisecond, where
 * the same calls handed one by one to libuv's thread pool took ≈ 4 ms of a watch's save, waiting between them. The
 * rename is handed to the pool: replacing a file makes ext4 start writing the new one out first (auto_da_alloc,
 * ≈ 0.9 ms here), which other work can overlap.
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  return replaceFile(target, content);
}

/**
 * A text made of many parts (the manifest: ≈ 7 MB at 1000 meetings), written part by part, in blocks of up to 64 K
 * characters: the whole text and its UTF-8 bytes are never in memory at once.
 */
export function writeTextAtomic(target: string, parts: Iterable<string>): Promise<void> {
  return replaceFile(target, { parts });
}

/** What a file is replaced with: its text or bytes, or its text in parts. */
type Content = string | Uint8Array | { parts: Iterable<string> };

function replaceFile(target: string, content: Content): Promise<void> {
  let temp: string;
  try {
    temp = writeTemp(target, content);
  } catch (error) {
    return Promise.reject(error);
  }
  // Not an async function: the content is not held while the rename is pending.
  return rename(temp, target).catch((error: unknown) => {
    rmSync(temp, { force: true });
    throw error;
  });
}

/** The content in a new temp file beside the target; the temp file's path. */
function writeTemp(target: string, content: Content): string {
  const temp = tempPathBeside(target);
  try {
    writeContent(temp, content);
  } catch (error) {
    rmSync(temp, { force: true });
    // The folder is made on the first write into it (a figure's, a new output folder's), not checked on every one.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(path.dirname(target), { recursive: true });
    writeContent(temp, content);
  }
  return temp;
}

function writeContent(file: string, content: Content): void {
  if (typeof content === 'string' || content instanceof Uint8Array) return writeFileSync(file, content);
  const fd = openSync(file, 'w');
  try {
    let block = '';
    for (const part of content.parts) {
      block += part;
      if (block.length >= 65536) writeSync(fd, block), (block = '');
    }
    if (block) writeSync(fd, block);
  } finally {
    closeSync(fd);
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
