/**
 * Files read or written at once: enough to keep the disk busy, far below the open-file limit of an ordinary
 * account (256 on macOS, 1024 on many Linux desktops). Reading a 1000-meeting archive all at once ran out of them.
 */
export const FILE_CONCURRENCY = 32;

/** Maps `items` through an async function, at most `limit` at a time, keeping their order. */
export async function mapLimited<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = FILE_CONCURRENCY): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
