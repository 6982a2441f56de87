import path from 'node:path';

/**
 * What may have changed on disk since a session's last build, as a watch's folder events name it: absolute paths of
 * files and folders (a folder stands for anything below it). Undefined: anything may have.
 */
export type ChangedPaths = ReadonlySet<string> | undefined;

/** Whether the changes name a path, or a folder holding it; with no record of changes, anything may have changed. */
export function mayHaveChanged(changed: ChangedPaths, absolutePath: string): boolean {
  if (!changed) return true;
  for (let at = absolutePath; ; at = path.dirname(at)) {
    if (changed.has(at)) return true;
    if (path.dirname(at) === at) return false;
  }
}
