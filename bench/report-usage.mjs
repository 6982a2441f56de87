// Preloaded into each build the benchmark starts (node --import): prints the process's CPU time (every thread) and
// peak RSS when it exits, for the CLI of any checkout, without the CLI's help. CPU time is steadier than wall time
// on a machine that other processes share.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    process.stderr.write(`\nbench-usage=${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS })}\n`);
  });
}
