import { statSync } from 'node:fs';

/** A file changed this recently may change again within the clock's granularity without its times moving. */
const SETTLED_MS = 2000;

/** What a path holds, as far as its stamp tells: a stamp, `absent` (nothing there), or undefined (too recent to tell). */
export type FileStamp = string | undefined;

/**
 * Size, inode, and modification and change times of what a path leads to (symlinks followed): a save changes at least
 * one of them, unless it lands within the file system clock's tick (a few ms) of the previous one. So a file changed in
 * the last seconds gets no stamp and is read again ("racy" entries, as git calls them). Nothing there, or not a regular
 * file: `absent`.
 */
export function stampOf(absolutePath: string): FileStamp {
  let info;
  try {
    info = statSync(absolutePath, { bigint: true });
  } catch {
    return ABSENT;
  }
  if (!info?.isFile()) return ABSENT;
  const changedMs = Number((info.mtimeNs > info.ctimeNs ? info.mtimeNs : info.ctimeNs) / 1_000_000n);
  if (Date.now() - changedMs < SETTLED_MS) return undefined;
  return `${info.size}:${info.ino}:${info.mtimeNs}:${info.ctimeNs}`;
}

export const ABSENT = 'absent';
