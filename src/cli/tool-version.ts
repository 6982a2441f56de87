import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolRootOf } from '../tool-root.js';

/** The tool's version, from the package.json of the checkout it runs from (minutes --version, the JSON reports). */
export function readToolVersion(): string {
  const root = toolRootOf(fileURLToPath(import.meta.url));
  return (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
