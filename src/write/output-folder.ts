import { mkdir, readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { tempOwner } from './atomic-write.js';

/** Kernel pseudo file systems: Node's recursive mkdir never returns there (it hung under /proc). */
const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys'];

/** An error the CLI reports as "cannot read or write" (exit 73), like those of the file system itself. */
function refused(outDir: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`cannot write into a kernel pseudo file system: ${outDir}`), { code: 'EPERM', syscall: 'mkdir', path: outDir });
}

/** Where a path really leads (symlinks followed), through its nearest existing ancestor. */
async function realPathOfNearest(target: string): Promise<string> {
  const parent = path.dirname(target);
  const real = await realpath(target).catch(() => undefined);
  if (real !== undefined || parent === target) return real ?? target;
  return path.join(await realPathOfNearest(parent), path.basename(target));
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes the output folder, and removes what builds that were killed left there: temp files and folders named by
 * tempPathBeside whose process is gone. A build that is still running keeps its own.
 */
export async function prepareOutputFolder(outDir: string): Promise<void> {
  const real = await realPathOfNearest(outDir);
  if (PSEUDO_FILE_SYSTEMS.some((root) => real === root || real.startsWith(`${root}/`))) throw refused(outDir);
  await mkdir(outDir, { recursive: true });
  for (const folder of [outDir, path.join(outDir, 'figures')]) {
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const owner = tempOwner(name);
      if (owner !== undefined && !isRunning(owner)) await rm(path.join(folder, name), { recursive: true, force: true });
    }
  }
}
