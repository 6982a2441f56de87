import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './support/build-bundled.js';
import { PNG } from './support/tiny-png.js';


describe('a figure file', () => {
  it('is copied to output/figures, linked from the page, and copied again when it goes missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-figure-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    await mkdir(path.join(dir, 'data/figures'), { recursive: true });
    await writeFile(path.join(dir, 'data/figures/docomo-normal.png'), PNG);
    const incident = path.join(dir, 'data/incidents/2024-12-06-docomo.md');
    await writeFile(incident, (await readFile(incident, 'utf8')).replace('![システム構成と信号の流れ（通常時）]()', '![システム構成と信号の流れ（通常時）](../figures/docomo-normal.png)'));

    expect((await runCli(dir, ['build'])).code).toBe(0);
    const copied = path.join(dir, 'output/figures/docomo-normal.png');
    expect((await readFile(copied)).equals(PNG)).toBe(true);
    expect(await readFile(path.join(dir, 'output/fy2024-08.html'), 'utf8')).toContain('src="figures/docomo-normal.png"');

    // Nothing changed in data/, but the copy is gone: the build notices and copies it again.
    await rm(copied);
    const again = await runCli(dir, ['build']);
    expect(again.code).toBe(0);
    expect(existsSync(copied)).toBe(true);
  });
});
