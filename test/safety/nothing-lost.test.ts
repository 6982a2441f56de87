import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../support/build-bundled.js';

const build = (cwd: string, ...args: string[]) => runCli(cwd, ['build', ...args]);

describe('a meeting with errors', () => {
  it('is not written, and its earlier outputs stay byte-identical while other meetings are rebuilt', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-lost-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    expect((await build(dir)).code).toBe(0);
    const before = new Map<string, Buffer>();
    for (const f of await readdir(path.join(dir, 'output'))) before.set(f, await readFile(path.join(dir, 'output', f)));

    // Break one incident of fy2022-08 (a date that does not exist) and change fy2023-08's place.
    const incidents = await readdir(path.join(dir, 'data/incidents'));
    const meeting2022 = await readFile(path.join(dir, 'data/meetings/fy2022-08.md'), 'utf8');
    const victim = incidents.find((f) => meeting2022.includes(f.replace(/\.md$/, '')))!;
    const victimPath = path.join(dir, 'data/incidents', victim);
    await writeFile(victimPath, (await readFile(victimPath, 'utf8')).replace(/occurredAt: "(\d{4})-\d\d-\d\d/, 'occurredAt: "$1-02-30'));
    const m2023 = path.join(dir, 'data/meetings/fy2023-08.md');
    await writeFile(m2023, (await readFile(m2023, 'utf8')).replace('place: Web会議', 'place: 総務省会議室'));

    const second = await build(dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('invalid-datetime');
    expect(second.stdout).toContain('fy2022-08');
    for (const ext of ['html', 'docx']) {
      expect((await readFile(path.join(dir, 'output', `fy2022-08.${ext}`))).equals(before.get(`fy2022-08.${ext}`)!)).toBe(true);
    }
    expect(await readFile(path.join(dir, 'output/fy2023-08.html'), 'utf8')).toContain('総務省会議室');
    const leftovers = (await readdir(path.join(dir, 'output'))).filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('includes a broken Word style map: every problem located in templates/style-map.json, no output touched', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-style-map-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    await cp(path.join(repoRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
    expect((await build(dir, '--templates', 'templates')).code).toBe(0);
    const before = new Map<string, Buffer>();
    for (const f of await readdir(path.join(dir, 'output'))) before.set(f, await readFile(path.join(dir, 'output', f)));

    // An editor drops a margin and misspells a key; the data changes too, so every meeting is due for a rebuild.
    const styleMap = path.join(dir, 'templates/style-map.json');
    await writeFile(styleMap, (await readFile(styleMap, 'utf8')).replace('"marginTopMm": 25, ', '').replace('"labelShading"', '"labelShadeing"'));
    const m2023 = path.join(dir, 'data/meetings/fy2023-08.md');
    await writeFile(m2023, (await readFile(m2023, 'utf8')).replace('place: Web会議', 'place: 総務省会議室'));

    const second = await build(dir, '--templates', 'templates', '--lang', 'en');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/templates\/style-map\.json:3:3 +error .*marginTopMm.* missing-field/);
    expect(second.stderr).toMatch(/templates\/style-map\.json:\d+:\d+ +error .*labelShadeing.* unknown-field/);
    // Every output (the manifest is bookkeeping: it records this run's problems).
    for (const [name, bytes] of before) {
      if (name !== '.minutes-manifest.json') expect((await readFile(path.join(dir, 'output', name))).equals(bytes), name).toBe(true);
    }
  });
});
