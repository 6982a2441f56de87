/**
 * The watch's latency, save → every output written, and where it goes. `npm run bench` calls watchLatency; on its own,
 * `npx tsx bench/watch-steps.ts [archive folder] [saves]` makes a 100-meeting synthetic archive (or uses the one
 * given) and prints the median time between consecutive step points of the build (src/step-trace.ts) as well.
 *
 * The watch runs as `minutes watch` does (with its default debounce, 10 ms). Each save rewrites one meeting's place (as an
 * editor saving in place does) and waits for the build that shows it:
 * the latency is from the write to the end of that build (its HTML, its Word file and the site pages written).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { STEP_CHANNEL } from '../src/step-trace.js';
import type { watchProject as WatchProject } from '../src/watch.js';

export interface WatchMeasure {
  /** Save → end of the build that shows the save, per save (ms). */
  latencies: number[];
  /** Per step point, the time since the point before it, per save (ms); the first point counts from the save. */
  steps: Map<string, number[]>;
}

/** Saves one meeting `samples` times under a watch of `root`'s code on the archive in `dir`. */
export async function watchLatency(root: string, dir: string, id: string, outDir: string, samples = 11): Promise<WatchMeasure> {
  const { watchProject } = (await import(path.join(root, 'src/watch.ts'))) as { watchProject: typeof WatchProject };
  // An older checkout publishes no step points: only the latencies are measured then.
  const points: [string, number][] = [];
  const onStep = (step: unknown) => points.push([String(step), performance.now()]);
  subscribe(STEP_CHANNEL, onStep);
  const builds: number[] = [];
  let built: (() => void) | undefined;
  const watcher = watchProject({
    cwd: dir,
    dataDir: 'data',
    outDir,
    templatesDir: path.join(root, 'templates'),
    formats: ['html', 'docx'],
    // minutes watch's default, given so that an older checkout (BENCH_BASELINE; its default was 40 ms) waits the same.
    debounceMs: 10,
    onBuild: () => {
      builds.push(performance.now());
      built?.();
    },
    onError: (e) => {
      throw e;
    },
  });
  await watcher.ready;
  const meeting = path.join(dir, 'data/meetings', `${id}.md`);
  const page = path.join(dir, outDir, `${id}.html`);
  const original = await readFile(meeting, 'utf8');
  const measure: WatchMeasure = { latencies: [], steps: new Map() };
  try {
    for (let i = 0; i < samples; i++) {
      const marker = `会議室W${i}`;
      points.length = 0;
      const start = performance.now();
      await writeFile(meeting, original.replace(/^place: .*$/m, `place: ${marker}`));
      // Until a build that started after the save has finished with the change in its page (an editor's save can
      // come as two events; a build may have begun between them).
      for (;;) {
        await new Promise<void>((resolve) => (built = resolve));
        if ((await readFile(page, 'utf8').catch(() => '')).includes(marker)) break;
      }
      const end = builds.at(-1)!;
      measure.latencies.push(end - start);
      // The first folder event is the save's; later ones (the same save's second event) are left out.
      let previous = start;
      const seen = new Set<string>();
      for (const [step, at] of points) {
        if (at > end || (step === 'watch:event' && seen.has(step))) continue;
        seen.add(step);
        const times = measure.steps.get(step) ?? measure.steps.set(step, []).get(step)!;
        times.push(at - previous);
        previous = at;
      }
      const rest = measure.steps.get('(onBuild)') ?? measure.steps.set('(onBuild)', []).get('(onBuild)')!;
      rest.push(end - previous);
      // A user pauses between saves; the watch saves its manifest meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await watcher.close();
    await writeFile(meeting, original);
    unsubscribe(STEP_CHANNEL, onStep);
  }
  return measure;
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The step table: each step's median and highest, and the latency's. */
export function formatSteps(measure: WatchMeasure): string {
  const lines = [...measure.steps].map(([step, times]) => `${step.padEnd(20)} ${median(times).toFixed(2).padStart(7)} ms  (highest ${Math.max(...times).toFixed(2)})`);
  const { latencies } = measure;
  lines.push(`${'save → all written'.padEnd(20)} ${median(latencies).toFixed(2).padStart(7)} ms  (${Math.min(...latencies).toFixed(0)}–${Math.max(...latencies).toFixed(0)} over ${latencies.length} saves)`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const repo = path.resolve(import.meta.dirname, '..');
  const given = process.argv[2];
  const dir = given ? path.resolve(given) : await mkdtemp(path.join(os.tmpdir(), 'minutes-watch-'));
  if (!given) {
    const { writeSyntheticArchive } = await import('./synthetic-archive.js');
    await writeSyntheticArchive(path.join(repo, 'data'), dir, 100);
  }
  const { readdir } = await import('node:fs/promises');
  const ids = (await readdir(path.join(dir, 'data/meetings'))).filter((f) => f.endsWith('.md')).sort().map((f) => f.slice(0, -3));
  await rm(path.join(dir, 'output-watch'), { recursive: true, force: true });
  const measure = await watchLatency(repo, dir, ids[3], 'output-watch', Number(process.argv[3] ?? 21));
  console.log(formatSteps(measure));
  if (!given) await rm(dir, { recursive: true, force: true });
}
