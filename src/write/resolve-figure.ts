import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where a figure path written in Markdown leads: a file inside data/, or why not. */
export type FigureTarget = { absolute: string } | { problem: 'outside-data' | 'missing' };

/**
 * Resolves a figure path as written in Markdown (relative to data/meetings or data/incidents, e.g.
 * "../figures/x.png"). A path that leaves data/ is refused; one whose %-escapes do not decode names no file.
 */
export function figureTarget(dataDir: string, src: string): FigureTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || path.isAbsolute(src)) return { problem: 'outside-data' };
  let decoded: string;
  try {
    decoded = decodeURI(src);
  } catch {
    return { problem: 'missing' };
  }
  const absolute = path.resolve(dataDir, 'incidents', decoded);
  const relative = path.relative(dataDir, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { problem: 'outside-data' };
  return existsSync(absolute) ? { absolute } : { problem: 'missing' };
}

/** The absolute path of a figure inside data/, or undefined when it leaves data/ or is missing. */
export function resolveFigure(dataDir: string, src: string): string | undefined {
  const target = figureTarget(dataDir, src);
  return 'absolute' in target ? target.absolute : undefined;
}
