import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout the running code belongs to: the nearest folder above it with a package.json. */
export function toolRootOf(file: string): string {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above the running code: ${file}`);
  }
}
