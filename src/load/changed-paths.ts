import path from 'node:path';

/**
 * What may have changed on disk since a build session's last load, as a watch's folder events name it: absolute paths
 * of files and folders (a folder: anything below it). Undefined: anything may have.
 */
export type ChangedPaths = ReadonlySet<string> | undefined;

/** Whether `absolutePath` may have changed: the set is unknown, or names it or a folder above it. */
export function mayHaveChanged(changed: ChangedPaths, absolutePath: string): boolean {
  if (!changed) return true;
  for (const at of changed) if (absolutePath === at || absolutePath.startsWith(at + path.sep)) return true;
  return false;
}
