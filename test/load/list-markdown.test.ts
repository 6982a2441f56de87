import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMarkdownFiles, MarkdownListing } from '../../src/load/list-markdown.js';

/** A data folder: meetings/, incidents/ with a nested folder, a README, a hidden file and a non-Markdown file. */
function makeData(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'list-markdown-'));
  const data = path.join(root, 'data');
  for (const dir of ['meetings', 'incidents/2024', 'readme-notes']) mkdirSync(path.join(data, dir), { recursive: true });
  for (const file of ['meetings/b.md', 'meetings/a.md', 'meetings/README.md', 'meetings/.draft.md', 'meetings/notes.txt', 'incidents/x.md', 'incidents/2024/y.md', 'readme-notes/z.md']) {
    writeFileSync(path.join(data, file), '---\n---\n');
  }
  return data;
}

const relative = (data: string, files: readonly string[]) => files.map((f) => path.relative(data, f));

describe('the listing of the data folders', () => {
  it('lists the .md files below a folder, sorted by path, without READMEs, hidden files or other files', () => {
    const data = makeData();
    expect(relative(data, listMarkdownFiles(data))).toEqual(['incidents/2024/y.md', 'incidents/x.md', 'meetings/a.md', 'meetings/b.md', 'readme-notes/z.md']);
    expect(listMarkdownFiles(path.join(data, 'meetings/a.md'))).toEqual([path.join(data, 'meetings/a.md')]);
    expect(listMarkdownFiles(path.join(data, 'meetings/README.md'))).toEqual([]);
    expect(listMarkdownFiles(path.join(data, 'missing.md'))).toEqual([path.join(data, 'missing.md')]);
  });

  it('told what changed, gives what a fresh listing gives after files and folders are added, removed and renamed', () => {
    const data = makeData();
    const listing = new MarkdownListing();
    listing.list(data);
    const at = (p: string) => path.join(data, p);
    const steps: [string, () => string[]][] = [
      ['an edit', () => (writeFileSync(at('meetings/a.md'), '---\nplace: x\n---\n'), [at('meetings/a.md')])],
      ['a file added', () => (writeFileSync(at('meetings/c.md'), ''), [at('meetings/c.md')])],
      ['a file removed', () => (rmSync(at('meetings/b.md')), [at('meetings/b.md')])],
      ['a file renamed', () => (renameSync(at('meetings/a.md'), at('meetings/d.md')), [at('meetings/a.md'), at('meetings/d.md')])],
      ['a folder added', () => (mkdirSync(at('meetings/extra/deep'), { recursive: true }), writeFileSync(at('meetings/extra/deep/e.md'), ''), [at('meetings/extra')])],
      ['a file in the new folder', () => (writeFileSync(at('meetings/extra/f.md'), ''), [at('meetings/extra/f.md')])],
      ['a folder renamed', () => (renameSync(at('incidents'), at('old-incidents')), [at('incidents'), at('old-incidents')])],
      ['a folder removed', () => (rmSync(at('meetings/extra'), { recursive: true }), [at('meetings/extra')])],
      ['a file turned into a folder', () => (rmSync(at('meetings/c.md')), mkdirSync(at('meetings/c.md')), writeFileSync(at('meetings/c.md/g.md'), ''), [at('meetings/c.md')])],
      ['a temporary file', () => (writeFileSync(at('meetings/d.md.tmp'), ''), [at('meetings/d.md.tmp')])],
      ['nothing named', () => []],
    ];
    for (const [name, step] of steps) {
      const changed = new Set(step());
      expect(listing.list(data, changed), name).toEqual(listMarkdownFiles(data));
    }
    expect(relative(data, listing.list(data, new Set()))).toEqual(['meetings/c.md/g.md', 'meetings/d.md', 'old-incidents/2024/y.md', 'old-incidents/x.md', 'readme-notes/z.md']);
  });

  it('takes a folder no change names as it was (the watch names what changed)', () => {
    const data = makeData();
    const listing = new MarkdownListing();
    const before = listing.list(data);
    writeFileSync(path.join(data, 'meetings/unseen.md'), '');
    expect(listing.list(data, new Set())).toEqual(before);
    expect(listing.list(data, undefined)).toContain(path.join(data, 'meetings/unseen.md'));
  });
});
