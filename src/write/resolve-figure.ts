import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Resolves a figure path as written in Markdown (relative to data/meetings or data/incidents, e.g.
 * "../figures/x.png") to an absolute path inside the data folder; undefined if it leaves data/ or is missing.
 */
export function resolveFigure(dataDir: string, src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || path.isAbsolute(src)) return undefined;
  const absolute = path.resolve(dataDir, 'incidents', decodeURI(src));
  const relative = path.relative(dataDir, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return existsSync(absolute) ? absolute : undefined;
}
