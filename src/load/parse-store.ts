import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from './cache-file.js';
import { cacheFolder, keepNewest } from './cache-folder.js';

/** Generations kept: one per tool code and Node version; the least recently used beyond these are removed. */
const GENERATIONS_KEPT = 8;

/**
 * Clean YAML parses kept on disk between runs (issue 16): the data a front matter or a structured file (the style map)
 * reads into, when the parse found no problem. The yaml package needs tens of milliseconds for a file the first time
 * in a process (the 5 kB style map, as JSON, ≈ 40 ms even when warm), more than reading a JSON file of the result.
 *
 * An entry is keyed by the text, the tool's code (tool-code-hash.ts) and the Node version, holds its own key (read
 * back and compared: a corrupt or foreign entry is a miss), and is written by rename (never seen half written).
 * Only data that JSON carries exactly is kept (strings, finite numbers but -0, booleans, null, arrays, plain
 * objects), so an entry gives the very data a parse gives. A file with a problem is parsed every time, and its
 * syntax tree locates the problem as before.
 */
export interface ParseStore {
  /** The data of a clean parse of `text`, if kept. */
  get(text: string): { data: unknown } | undefined;
  /** Keeps the data of a clean parse of `text` (silently not, when it cannot). */
  put(text: string, data: unknown): void;
}

export function openParseStore(toolRoot: string, codeHash: string): ParseStore | undefined {
  const root = cacheFolder(toolRoot);
  if (!root) return undefined;
  // One folder per generation (tool code and Node version): a new tool's entries never meet an old one's, and the
  // generations not used lately go as a whole.
  const parsed = path.join(root, 'parsed');
  const generation = createHash('sha256').update(`${codeHash}\0${process.version}`).digest('hex').slice(0, 16);
  const folder = path.join(parsed, generation);
  try {
    mkdirSync(folder, { recursive: true });
    const now = new Date();
    utimesSync(folder, now, now);
  } catch {
    // Not kept this time: every get misses, every put fails silently.
  }
  keepNewest(parsed, (name) => /^[0-9a-f]{16}$/.test(name), GENERATIONS_KEPT);
  const keyOf = (text: string) => createHash('sha256').update(`${codeHash}\0${process.version}\0`).update(text).digest('hex');
  const fileOf = (key: string) => path.join(folder, key.slice(0, 2), `${key}.json`);
  return {
    get(text) {
      const key = keyOf(text);
      try {
        const entry = JSON.parse(readFileSync(fileOf(key), 'utf8')) as { key?: unknown; data?: unknown };
        return entry.key === key && 'data' in entry ? { data: entry.data } : undefined;
      } catch {
        return undefined;
      }
    },
    put(text, data) {
      if (!carriedByJson(data)) return;
      const key = keyOf(text);
      writeCacheFile(fileOf(key), JSON.stringify({ key, data }));
    },
  };
}

/** Whether JSON.parse(JSON.stringify(value)) gives back the same value. */
function carriedByJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(carriedByJson);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && carriedByJson(item));
}
