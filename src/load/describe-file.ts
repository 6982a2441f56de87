import { lstatSync, statSync, type BigIntStats } from 'node:fs';

/**
 * A file described by its stats (issue 16), to tell later whether it may have changed without reading it: (dev, ino,
 * size, mtime ns, ctime ns). An edit of the same size within the same second changes the ctime (which no program can
 * set back); a file replaced by another changes the inode; a symlink adds its own inode and ctime. `racy` when the
 * file changed too shortly before `takenAtNs` (ns since the epoch, read just before the stat) for the description to
 * be trusted: it could change again and keep it (the racy-git rule). Used by the fast path's stat record
 * (cli/stat-record.ts) and the tool code's hash (tool-code-hash.ts).
 */
export function describeFile(file: string, takenAtNs: bigint): { text: string; racy: boolean } {
  const link = lstatSync(file, { bigint: true, throwIfNoEntry: false });
  if (!link) return { text: 'missing', racy: false };
  const target = link.isSymbolicLink() ? statSync(file, { bigint: true, throwIfNoEntry: false }) : link;
  if (!target) return { text: 'dangling', racy: isRacy(link, takenAtNs) };
  if (target.isDirectory()) return { text: 'folder', racy: false };
  const own = `${target.dev}:${target.ino}:${target.size}:${target.mtimeNs}:${target.ctimeNs}`;
  const text = target === link ? own : `${own}@${link.ino}:${link.ctimeNs}`;
  return { text, racy: isRacy(target, takenAtNs) || (target !== link && isRacy(link, takenAtNs)) };
}

/** A file changed less than this before a stat may change again unseen (coarse kernel clock; whole-second file systems). */
function granularityNs(mtimeNs: bigint, ctimeNs: bigint): bigint {
  return mtimeNs % 1_000_000_000n === 0n && ctimeNs % 1_000_000_000n === 0n ? 2_000_000_000n : 50_000_000n;
}

function isRacy(stats: BigIntStats, takenAtNs: bigint): boolean {
  const limit = takenAtNs - granularityNs(stats.mtimeNs, stats.ctimeNs);
  return stats.mtimeNs >= limit || stats.ctimeNs >= limit;
}
