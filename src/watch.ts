import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { BuildResult } from './build-result.js';
import { createBuildSession, type SessionOptions } from './build-session.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { traceStep } from './step-trace.js';

export interface WatchOptions extends Omit<SessionOptions, 'keepAlive'> {
  /**
   * Quiet period after the last change before a rebuild starts (coalesces rapid saves), 10 ms by default: an editor's
   * save comes as events within a millisecond of each other (truncate and write, or write a temp file and rename it),
   * and a change that arrives while a rebuild runs makes another rebuild after it, so nothing is missed.
   */
  debounceMs?: number;
  onBuild: (result: BuildResult, diagnostics: Diagnostic[]) => void;
  onError: (error: unknown) => void;
}

/**
 * Rebuilds whenever data/ or templates/ change. Editors that save by rename produce rename events on the
 * folder, which the recursive folder watch sees as well. A broken file only prints diagnostics: the watch
 * goes on, and the incremental build leaves the outputs of broken meetings untouched.
 */
export function watchProject(options: WatchOptions): { close: () => Promise<void>; ready: Promise<void> } {
  const debounceMs = options.debounceMs ?? 10;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let again = false;
  let busy = false;
  let closed = false;
  // The data files and folders the events named since the last rebuild took its changes; `undefined` when an event
  // named nothing (or a rebuild failed): the next rebuild then checks every file's stamp.
  let changed: Set<string> | undefined = new Set();
  let templatesChanged = false;
  // One session for the whole watch: it keeps the parsed files, the verdicts, the templates, the site pages and warm
  // Word writers between saves (build-session.ts).
  const session = createBuildSession({ ...options, keepAlive: true });
  const rebuild = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        if (closed) break;
        const [data, templates] = [changed, templatesChanged];
        [changed, templatesChanged] = [new Set(), false];
        traceStep('watch:rebuild');
        const { result, diagnostics } = await session.rebuild(data && { data, templates });
        watchFolders(data, !data || templates);
        options.onBuild(result, diagnostics);
      } while (again);
    } catch (error) {
      changed = undefined;
      options.onError(error);
    } finally {
      busy = false;
    }
  };
  // The data files the events named, read and checked halfway through the debounce (the rebuild finds them parsed
  // unless they changed again): the saved file's YAML parse and schema check no longer wait for the debounce to end,
  // and an editor's second event of the same save, which comes within a few ms, is not held up behind them.
  const preparing = new Set<string>();
  let prepareTimer: NodeJS.Timeout | undefined;
  const prepare = (at: string) => {
    preparing.add(at);
    if (prepareTimer) clearTimeout(prepareTimer);
    prepareTimer = setTimeout(() => {
      const paths = [...preparing];
      preparing.clear();
      if (closed) return;
      try {
        session.prepare(paths);
      } catch {
        // The rebuild does the same work on the same files again, and reports what goes wrong there.
      }
    }, debounceMs / 2);
  };
  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      running = rebuild();
    }, debounceMs);
  };
  // One non-recursive watch per folder: a folder watch survives editors that save by writing a temp file and
  // renaming it over the original, where a watch on the file (or Node 20's recursive emulation) loses track.
  const watchers = new Map<string, FSWatcher>();
  const watchFolder = (dir: string, isData: boolean) => {
    if (watchers.has(dir)) return;
    watchers.set(
      dir,
      watch(dir, (event, name) => {
        if (name && /^\.|~$|\.tmp$|\.swp$/.test(String(name))) return;
        // A subfolder removed or replaced: its watch is made again after the next rebuild (a new folder's watch follows the new one).
        const watched = name && event === 'rename' ? watchers.get(path.join(dir, String(name))) : undefined;
        if (watched) watched.close(), watchers.delete(path.join(dir, String(name)));
        // A rename names the file or folder that appeared or went; a change, the file written.
        if (isData) {
          if (!name) changed = undefined;
          else {
            changed?.add(path.join(dir, String(name)));
            prepare(path.join(dir, String(name)));
          }
        } else templatesChanged = true;
        traceStep('watch:event');
        schedule();
      }),
    );
  };
  /**
   * Watches the folders not watched yet. After a rebuild told which data paths changed, only a folder among them can
   * be new (the others are watched already): the data folder is walked again only when the changes are unknown.
   */
  const watchFolders = (named?: ReadonlySet<string>, templates = true) => {
    if (closed) return;
    const dataFolders = named ? [...named].filter(isFolder).flatMap(listFolders) : listFolders(path.resolve(options.cwd, options.dataDir));
    for (const dir of dataFolders) {
      // A file written in a new folder before its watch began has had no event: the next load lists that folder again.
      if (named && !watchers.has(dir)) changed?.add(dir);
      watchFolder(dir, true);
    }
    if (templates) for (const dir of listFolders(options.templatesDir)) watchFolder(dir, false);
  };
  watchFolders();
  const ready = rebuild();
  running = ready;
  return {
    ready,
    /** Stops watching; resolves when a build that was running has finished. */
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      if (prepareTimer) clearTimeout(prepareTimer);
      for (const w of watchers.values()) w.close();
      await running;
      await session.dispose();
    },
  };
}

function isFolder(at: string): boolean {
  return statSync(at, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** The folder and its subfolders; none if it was removed meanwhile (the next build reports the missing data). */
function listFolders(root: string): string[] {
  const out = [root];
  let entries;
  try {
    entries = readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) out.push(...listFolders(path.join(root, entry.name)));
  }
  return out;
}
