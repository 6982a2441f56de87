import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocTree } from '../../doc-tree/types.js';
import type { ShellParts } from './package-parts.js';
import type { StyleMap } from './style-map.js';
import type { DocxOptions } from './write-docx.js';

export interface DocxJob {
  id: number;
  tree: DocTree;
  /**
   * Sent to a worker when it is not the one its last job had (a warm worker of minutes watch follows an edited style
   * map); absent: the worker's current one.
   */
  styleMap?: StyleMap;
  /** The style map's package shell, sent with the style map when the sender knows it: the worker then never loads the
   * docx package. */
  shell?: ShellParts;
  dataDir: string;
  properties: DocxOptions['properties'];
  charts: DocxOptions['charts'];
}

/** A job as a worker receives it: the tree as its JSON text. */
export type WorkerJob = Omit<DocxJob, 'tree'> & { tree: string };

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: string };

/** Below this many Word files a build writes them in the main thread: starting workers would cost more. */
export const POOL_THRESHOLD = 12;

/**
 * Word writer threads for a build of `due` Word files on `cores` cores: none below the threshold or on one core,
 * otherwise one per core but the main thread's (at most 4). The main thread is never idle: it reads, checks, renders
 * and writes the HTML (≈ 40 % of a meeting's CPU with the docx package's writer), so a second worker on two cores
 * only competes with it. Measured at 100 and 1000 meetings on 2 cores: the same CPU time with one worker as with two,
 * and one V8 isolate with the bundle and the docx package (≈ 50 MB RSS) fewer.
 */
export function poolSize(due: number, cores: number): number {
  return due >= POOL_THRESHOLD && cores > 1 ? Math.min(4, cores - 1) : 0;
}

/**
 * Heap of one worker. A meeting's Word file needs a few MB; the limit makes the collector return garbage early, so a
 * 1000-meeting build stays small. A document too large for it (huge figures) is written by the main thread instead.
 */
const WORKER_HEAP_MB = 64;

/**
 * The smallest heap a worker is given, whatever is asked. V8 from Node 22 on aborts the whole process (not only the
 * worker) with "Fatal JavaScript out of memory: GC during deserialization" when an isolate's heap cannot even hold its
 * startup snapshot: 2 MB does so on Node 22 and 24, 3 MB does not. Twice that leaves a margin; 6 MB is still far too
 * small to load the Word writer, so such a pool dies cleanly and the main thread writes the files.
 */
export const SMALLEST_WORKER_HEAP_MB = 6;

/** The pool has no live worker left; the caller writes the file itself. */
export class PoolUnavailableError extends Error {}

/**
 * Worker threads that write Word files in parallel, one per core (the docx package's XML building is most of a large
 * build). Under tsx (the TypeScript sources) the workers load tsx too; from the bundle they run dist/docx-worker.js.
 */
export class DocxPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();
  private readonly load: number[] = [];
  private readonly jobsOf: Set<number>[] = [];
  private readonly alive = new Set<number>();
  /** The style map each worker has (the object last sent to it). */
  private readonly styleMapOf: (StyleMap | undefined)[] = [];
  private next = 0;

  constructor(size = Math.max(1, poolSize(POOL_THRESHOLD, os.availableParallelism())), heapMb = WORKER_HEAP_MB) {
    const fromSources = import.meta.url.endsWith('.ts');
    const script = new URL(fromSources ? './docx-worker-from-sources.mjs' : './docx-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: Math.max(heapMb, SMALLEST_WORKER_HEAP_MB) } });
      worker.on('message', (reply: Reply) => this.settle(i, reply));
      // A worker that dies (out of memory) leaves the rotation; its jobs fail and are written by the caller.
      worker.on('error', (error) => this.retire(i, error));
      worker.on('exit', () => this.retire(i, new PoolUnavailableError('Word writer worker stopped')));
      this.workers.push(worker);
      this.alive.add(i);
      this.load.push(0);
      this.jobsOf.push(new Set());
    }
  }

  /** Writes one Word file in the least busy worker. */
  write(job: Omit<DocxJob, 'id'> & { styleMap: StyleMap }): Promise<Uint8Array> {
    const live = [...this.alive];
    if (live.length === 0) return Promise.reject(new PoolUnavailableError('no Word writer worker left'));
    const id = this.next++;
    const index = live.reduce((best, i) => (this.load[i] < this.load[best] ? i : best), live[0]);
    this.load[index]++;
    this.jobsOf[index].add(id);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const known = this.styleMapOf[index] === job.styleMap;
      this.styleMapOf[index] = job.styleMap;
      // The tree goes as its JSON text: a string crosses to the worker as one block, where cloning the object graph
      // took ≈ 1.5 ms of a watch's save on this thread (the worker parses it in ≈ 0.2 ms).
      const message: WorkerJob = { ...job, tree: JSON.stringify(job.tree), styleMap: known ? undefined : job.styleMap, shell: known ? undefined : job.shell, id };
      this.workers[index].postMessage(message);
    });
  }

  private retire(worker: number, error: Error): void {
    if (!this.alive.delete(worker)) return;
    for (const id of this.jobsOf[worker]) {
      this.waiting.get(id)?.reject(new PoolUnavailableError(error.message));
      this.waiting.delete(id);
    }
    this.jobsOf[worker].clear();
  }

  /** Jobs a build keeps in flight: a few per live worker, so that each always has the next one and memory stays flat. */
  get inFlightLimit(): number {
    return 3 * Math.max(1, this.alive.size);
  }

  /** Workers still taking jobs. */
  get liveWorkers(): number {
    return this.alive.size;
  }

  /** Jobs sent and not yet answered. */
  get pending(): number {
    return this.waiting.size;
  }

  private settle(worker: number, reply: Reply): void {
    this.load[worker]--;
    this.jobsOf[worker].delete(reply.id);
    const pending = this.waiting.get(reply.id);
    if (!pending) return;
    this.waiting.delete(reply.id);
    // A failed job may have left the worker without the style map it was sent: the next job sends it again.
    if ('error' in reply) this.styleMapOf[worker] = undefined;
    if ('error' in reply) pending.reject(new Error(`Word writer worker failed: ${reply.error}`));
    else pending.resolve(reply.bytes);
  }

  async close(): Promise<void> {
    this.alive.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
