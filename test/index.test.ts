import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, convert } from '../src/index.js';
import { repoRoot } from './support/build-bundled.js';

describe('the library API', () => {
  it('checks the bundled data: no errors, no warnings', async () => {
    expect(await check({ cwd: repoRoot })).toEqual([]);
  });

  it('converts the bundled data into the folder it is given', async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'minutes-api-'));
    const { diagnostics, result } = await convert({ cwd: repoRoot, outDir, formats: ['html'] });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.skipped).toEqual([]);
    const files = await readdir(outDir);
    expect(files).toEqual(expect.arrayContaining(['fy2022-08.html', 'fy2025-01.html', 'report-example-email-outage.html', 'index.html']));
    expect(files.some((f) => f.endsWith('.docx'))).toBe(false);
  });
});
