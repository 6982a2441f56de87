import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCleanFailure, makeProject, runMinutes, smallIncident, smallMeeting } from '../support/small-project.js';
import { PNG } from '../support/tiny-png.js';


const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A project whose incident shows ../figures/x.png; built once with a real image, then the figure is replaced. */
async function rebuildWithFigure(replace: (figure: string, dir: string) => Promise<void>) {
  const dir = await makeProject({
    'meetings/fy2025-03.md': smallMeeting,
    'incidents/2025-08-01-test.md': smallIncident('', '原因。\n\n![構成図](../figures/x.png)'),
    'figures/x.png': PNG,
  });
  made.push(dir);
  expect((await runMinutes(dir, ['build'])).code).toBe(0);
  const before = new Map<string, Buffer>();
  for (const name of ['fy2025-03.html', 'fy2025-03.docx', 'figures/x.png']) before.set(name, await readFile(path.join(dir, 'output', name)));
  const figure = path.join(dir, 'data/figures/x.png');
  await rm(figure);
  await replace(figure, dir);
  const result = await runMinutes(dir, ['build']);
  const changed: string[] = [];
  for (const [name, bytes] of before) if (!(await readFile(path.join(dir, 'output', name))).equals(bytes)) changed.push(name);
  return { ...result, changed, dir };
}

describe('a figure', () => {
  it('that is a text file saved as .png is a located error, and the page and Word file both stay as they were', async () => {
    const result = await rebuildWithFigure((figure) => writeFile(figure, '図の説明\n'));
    expect(result.code).toBe(1);
    expect(isCleanFailure(result)).toBe(true);
    expect(result.stderr).toMatch(/2025-08-01-test\.md:20:8 .*figure-not-image/);
    expect(result.changed).toEqual([]);
  });

  it('that is a symlink to a file outside data/ is refused, and its bytes are published nowhere', async () => {
    const secret = path.join(await makeOutsideFolder(), 'secret.png');
    await writeFile(secret, Buffer.concat([PNG, Buffer.from('SECRET-BYTES')]));
    const result = await rebuildWithFigure((figure) => symlink(secret, figure));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('figure-outside-data');
    expect(result.changed).toEqual([]);
    for (const name of await readdir(path.join(result.dir, 'output'), { recursive: true })) {
      const file = path.join(result.dir, 'output', name);
      if (!name.endsWith('.html') && !name.endsWith('.png') && !name.endsWith('.docx')) continue;
      expect((await readFile(file)).includes('SECRET-BYTES'), name).toBe(false);
    }
  });

  it('that is a symlink inside data/, or a folder, is treated as what it leads to', async () => {
    const inside = await rebuildWithFigure(async (figure, dir) => {
      await mkdir(path.join(dir, 'data/figures/originals'), { recursive: true });
      await writeFile(path.join(dir, 'data/figures/originals/x.png'), PNG);
      await symlink('originals/x.png', figure);
    });
    expect(inside.stderr).toBe('');
    expect(inside.code).toBe(0);
    const folder = await rebuildWithFigure((figure) => mkdir(figure));
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('figure-not-image');
  });
});

async function makeOutsideFolder(): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-outside-'));
  made.push(dir);
  return dir;
}
