import { cp, mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './support/build-bundled.js';

describe('minutes build with files named', () => {
  it('builds the meetings named, and for an incident named every meeting that shows it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-select-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    const documents = async (out: string) => (await readdir(path.join(dir, out))).filter((f) => /^(fy|report-).*\.(html|docx)$/.test(f)).sort();

    expect((await runCli(dir, ['build', '--out', 'a', 'data/meetings/fy2023-08.md'])).code).toBe(0);
    expect(await documents('a')).toEqual(['fy2023-08.docx', 'fy2023-08.html']);

    // MIXI's incident is shown by 令和6年度第8回 only.
    expect((await runCli(dir, ['build', '--out', 'b', 'data/incidents/2024-12-06-mixi.md'])).code).toBe(0);
    expect(await documents('b')).toEqual(['fy2024-08.docx', 'fy2024-08.html']);

    // The ministry's example has a report of its own: naming the incident rebuilds the report.
    expect((await runCli(dir, ['build', '--out', 'c', 'data/incidents/example-email-outage.md'])).code).toBe(0);
    expect(await documents('c')).toContain('report-example-email-outage.html');
  });
});
