import { lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { mayHaveChanged, type ChangedPaths } from './changed-paths.js';

/** What one folder holds: its .md entries and its subfolders (hidden ones left out), as full paths. */
interface FolderEntries {
  files: Set<string>;
  folders: string[];
}

/**
 * The .md files below the data folders, listed with synchronous calls (a folder of a few hundred entries costs one
 * getdents, far less than a libuv round trip per entry). A build session (minutes watch) keeps each folder's entries:
 * a load told what changed (the watch's folder events) lists again only the folders whose entries may have changed,
 * so that a save of one file costs one lstat instead of a walk of the archive.
 */
export class MarkdownListing {
  private readonly folders = new Map<string, FolderEntries>();
  /** Each target's last answer, while no folder was listed again since. */
  private readonly answers = new Map<string, string[]>();

  /**
   * All .md files below `target` (a file or a nonexistent path: itself), but READMEs, sorted by path so runs are
   * reproducible.
   * `changed`: the files and folders that may have changed since the last call (undefined: anything may have).
   */
  list(target: string, changed?: ChangedPaths): string[] {
    // A change at or above the target itself (the data folder moved or replaced): everything is listed again.
    if (mayHaveChanged(changed, target)) this.drop(target);
    else for (const at of changed ?? []) this.forget(at);
    const kind = this.folders.has(target) ? 'folder' : kindOf(target, statSync);
    if (kind !== 'folder') return isReadme(target) ? [] : [target];
    const kept = this.answers.get(target);
    if (kept) return kept;
    const out: string[] = [];
    this.collect(target, out);
    this.answers.set(target, out.sort());
    return out;
  }

  /**
   * Drops what a change at `at` may have made stale: nothing when it names a known .md file that is still a file (an
   * edit), else the folder holding it (an entry added, removed or replaced) and, when `at` is a known folder, its tree.
   */
  private forget(at: string): void {
    const parent = this.folders.get(path.dirname(at));
    if (!parent) return;
    if (parent.files.has(at) && kindOf(at, lstatSync) === 'file') return;
    this.folders.delete(path.dirname(at));
    this.answers.clear();
    this.drop(at);
  }

  private drop(folder: string): void {
    const entries = this.folders.get(folder);
    if (!entries) return;
    this.folders.delete(folder);
    this.answers.clear();
    for (const sub of entries.folders) this.drop(sub);
  }

  private collect(folder: string, out: string[]): void {
    let entries = this.folders.get(folder);
    if (!entries) {
      entries = readFolder(folder);
      this.folders.set(folder, entries);
    }
    for (const file of entries.files) out.push(file);
    for (const sub of entries.folders) this.collect(sub, out);
  }
}

/** All .md files below a file or folder, sorted so runs are reproducible (a one-off listing). */
export function listMarkdownFiles(target: string): string[] {
  return new MarkdownListing().list(target);
}

function readFolder(folder: string): FolderEntries {
  const entries: FolderEntries = { files: new Set(), folders: [] };
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) entries.folders.push(full);
    else if (entry.name.endsWith('.md') && !isReadme(entry.name)) entries.files.add(full);
  }
  return entries;
}

/** A folder's README explains the folder: it is no record. */
export function isReadme(at: string): boolean {
  return path.basename(at).toLowerCase().startsWith('readme');
}

function kindOf(at: string, stat: typeof statSync | typeof lstatSync): 'file' | 'folder' | 'none' {
  const info = stat(at, { throwIfNoEntry: false });
  return !info ? 'none' : info.isDirectory() ? 'folder' : 'file';
}
