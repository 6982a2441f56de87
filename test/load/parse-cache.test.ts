import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseCache, readSource } from '../../src/load/read-source.js';

const longAgo = new Date('2024-01-01T00:00:00Z');

describe('the parse cache of minutes watch', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parse-cache-'));
  const file = path.join(dir, 'm.md');

  it('reuses a settled, unchanged file without reading it, and re-reads any edit, even one that keeps size and mtime', async () => {
    writeFileSync(file, '---\nplace: 会議室A\n---\n');
    utimesSync(file, longAgo, longAgo);
    const cache = new ParseCache();
    const first = await readSource(file, dir, cache);
    const second = await readSource(file, dir, cache);
    expect(second.origin).toBe(first.origin);
    expect(second).not.toBe(first);

    // Same size, same modification time: only the change time moves, and it is recent, so the file is read again.
    writeFileSync(file, '---\nplace: 会議室B\n---\n');
    utimesSync(file, longAgo, longAgo);
    const third = await readSource(file, dir, cache);
    expect(third.text).toContain('会議室B');
    expect(third.origin).not.toBe(first.origin);
  });

  it('hands out copies whose diagnostics a later stage may extend without touching the cached file', async () => {
    const cache = new ParseCache();
    const a = await readSource(file, dir, cache);
    a.diagnostics.push({ id: 'x' } as never);
    const b = await readSource(file, dir, cache);
    expect(b.diagnostics).toHaveLength(0);
  });
});
