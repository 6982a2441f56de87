import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFormat } from '../src/build.js';
import { createBuildSession, type BuildSession, type SessionChanges } from '../src/build-session.js';
import { MANIFEST_NAME } from '../src/write/manifest.js';
import { repoRoot } from './support/build-bundled.js';
import { propertyRuns } from './support/property-runs.js';
import { PNG, PNG_RED } from './support/tiny-png.js';

/**
 * A watch's build session, told only the paths each edit touched (as the folder events name them), against a new
 * build session for every step on an output folder of its own: after each edit, the same diagnostics and the same
 * output files. The edits add, remove and rename files, move a folder, break and fix YAML and references, duplicate a
 * meeting and edit a template.
 */

const MEETINGS = ['fy2022-08', 'fy2023-08', 'fy2024-08', 'fy2025-01'];
const INCIDENTS = ['2022-12-17-docomo', '2024-12-06-mixi', '2025-04-26-kubell', '2023-11-09-catchnetwork'];

type Edit =
  | { op: 'place'; meeting: number; word: number }
  | { op: 'lengthen'; meeting: number }
  | { op: 'break-yaml'; meeting: number }
  | { op: 'restore'; meeting: number }
  | { op: 'unknown-reference'; meeting: number }
  | { op: 'duplicate-meeting'; meeting: number }
  | { op: 'rename-meeting'; meeting: number }
  | { op: 'remove-incident'; incident: number }
  | { op: 'restore-incident'; incident: number }
  | { op: 'edit-incident'; incident: number; word: number }
  | { op: 'postdate-incident'; incident: number }
  | { op: 'move-incidents-folder' }
  | { op: 'edit-template'; broken: boolean }
  | { op: 'edit-style-map'; sizePt: number }
  | { op: 'untold'; meeting: number; word: number }
  | { op: 'remove-site-files' }
  | { op: 'edit-codes'; from: string }
  | { op: 'show-figure' }
  | { op: 'replace-figure' }
  | { op: 'settle' }
  | { op: 'add-subfolder'; meeting: number }
  | { op: 'edit-in-subfolder'; word: number }
  | { op: 'remove-subfolder' }
  | { op: 'add-readme' }
  | { op: 'resave'; meeting: number; word: number }
  | { op: 'remove-outputs'; meeting: number };

const WORDS = ['第1会議室', '会議室B', 'Web会議', '全国', '東京都'];

/** Text that deflate cannot squeeze much: a Word file that shows it is kilobytes larger (the index states the size). */
const LONG_TEXT = Array.from({ length: 3000 }, (_, i) => String((i * 7919) % 10007)).join('、');

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('place' as const), meeting: fc.nat(3), word: fc.nat(4) }),
  fc.record({ op: fc.constant('break-yaml' as const), meeting: fc.nat(3) }),
  fc.record({ op: fc.constant('restore' as const), meeting: fc.nat(3) }),
  fc.record({ op: fc.constant('unknown-reference' as const), meeting: fc.nat(3) }),
  fc.record({ op: fc.constant('duplicate-meeting' as const), meeting: fc.nat(3) }),
  fc.record({ op: fc.constant('rename-meeting' as const), meeting: fc.nat(3) }),
  fc.record({ op: fc.constant('remove-incident' as const), incident: fc.nat(3) }),
  fc.record({ op: fc.constant('restore-incident' as const), incident: fc.nat(3) }),
  fc.record({ op: fc.constant('edit-incident' as const), incident: fc.nat(3), word: fc.nat(4) }),
  fc.record({ op: fc.constant('postdate-incident' as const), incident: fc.nat(3) }),
  fc.record({ op: fc.constant('move-incidents-folder' as const) }),
  fc.record({ op: fc.constant('edit-template' as const), broken: fc.boolean() }),
  fc.record({ op: fc.constant('edit-style-map' as const), sizePt: fc.constantFrom(10.5, 11, 12) }),
  fc.record({ op: fc.constant('untold' as const), meeting: fc.nat(3), word: fc.nat(4) }),
  fc.record({ op: fc.constant('remove-site-files' as const) }),
  fc.record({ op: fc.constant('edit-codes' as const), from: fc.constantFrom('2022-10-15', '2023-01-01') }),
  fc.record({ op: fc.constant('show-figure' as const) }),
  fc.record({ op: fc.constant('replace-figure' as const) }),
  fc.record({ op: fc.constant('remove-outputs' as const), meeting: fc.nat(3) }),
  fc.record({ op: fc.constant('add-subfolder' as const), meeting: fc.nat(3) }),
  fc.record({ op: fc.constant('edit-in-subfolder' as const), word: fc.nat(4) }),
  fc.record({ op: fc.constant('remove-subfolder' as const) }),
  fc.record({ op: fc.constant('add-readme' as const) }),
  fc.record({ op: fc.constant('resave' as const), meeting: fc.nat(3), word: fc.nat(4) }),
);

/** A project folder with a copy of the real data and templates, and the edits applied to it. */
class EditedProject {
  private incidentsDir: string;
  constructor(readonly dir: string) {
    this.incidentsDir = path.join(dir, 'data/incidents');
  }

  static async create(): Promise<EditedProject> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'minutes-watch-incremental-'));
    await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
    await cp(path.join(repoRoot, 'templates'), path.join(dir, 'templates'), { recursive: true });
    return new EditedProject(dir);
  }

  /**
   * Applies an edit; returns what the folder events name (undefined: an event that names nothing). `prepare` is what
   * the watch does with the paths named while its debounce runs: an edit may call it before the edit is complete.
   */
  async apply(edit: Edit, prepare: (paths: Iterable<string>) => void): Promise<SessionChanges | undefined> {
    const touched = await this.touch(edit, prepare);
    return touched && { data: touched, templates: edit.op === 'edit-template' || edit.op === 'edit-style-map' };
  }

  /** Applies an edit; returns the data files and folders it touched (undefined: an event that names nothing). */
  private async touch(edit: Edit, prepare: (paths: Iterable<string>) => void): Promise<Set<string> | undefined> {
    const meeting = (i: number) => path.join(this.dir, 'data/meetings', `${MEETINGS[i]}.md`);
    const original = (i: number) => readFile(path.join(repoRoot, 'data/meetings', `${MEETINGS[i]}.md`), 'utf8');
    const incident = (i: number) => path.join(this.incidentsDir, `${INCIDENTS[i]}.md`);
    const rewrite = async (file: string, change: (text: string) => string) => {
      if (!existsSync(file)) return new Set<string>();
      await writeFile(file, change(await readFile(file, 'utf8')));
      return new Set([file]);
    };
    switch (edit.op) {
      case 'place':
        return rewrite(meeting(edit.meeting), (text) => text.replace(/^place: .*$/m, `place: ${WORDS[edit.word]}`));
      case 'resave': {
        // The first of two writes (an editor's save that truncates, then writes) is prepared; the second is not.
        const file = meeting(edit.meeting);
        if (!existsSync(file)) return new Set();
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace(/^---\n/, '---\nbroken: [\n'));
        prepare([file]);
        return rewrite(file, () => text.replace(/^place: .*$/m, `place: ${WORDS[edit.word]}`));
      }
      case 'lengthen':
        return rewrite(meeting(edit.meeting), (text) => text.replace(/^ {2}- text: /m, `  - text: ${LONG_TEXT}。`));
      case 'untold':
        await rewrite(meeting(edit.meeting), (text) => text.replace(/^place: .*$/m, `place: ${WORDS[edit.word]}`));
        return undefined;
      case 'break-yaml':
        return rewrite(meeting(edit.meeting), (text) => text.replace(/^---\n/, '---\nbroken: [\n'));
      case 'restore': {
        const text = await original(edit.meeting);
        return rewrite(meeting(edit.meeting), () => text);
      }
      case 'unknown-reference':
        return rewrite(meeting(edit.meeting), (text) => text.replace(/\d{4}-\d{2}-\d{2}-[a-z]+/, '2099-01-01-nowhere'));
      case 'duplicate-meeting': {
        const copy = path.join(this.dir, 'data/meetings', `copy-of-${MEETINGS[edit.meeting]}.md`);
        await writeFile(copy, await original(edit.meeting));
        return new Set([copy]);
      }
      case 'rename-meeting': {
        const from = meeting(edit.meeting);
        const to = path.join(this.dir, 'data/meetings', `renamed-${MEETINGS[edit.meeting]}.md`);
        const [a, b] = existsSync(from) ? [from, to] : [to, from];
        if (!existsSync(a)) return new Set();
        await rename(a, b);
        return new Set([a, b]);
      }
      case 'remove-incident':
        if (!existsSync(incident(edit.incident))) return new Set();
        await rm(incident(edit.incident));
        return new Set([incident(edit.incident)]);
      case 'restore-incident':
        if (!existsSync(this.incidentsDir)) return new Set();
        await cp(path.join(repoRoot, 'data/incidents', `${INCIDENTS[edit.incident]}.md`), incident(edit.incident));
        return new Set([incident(edit.incident)]);
      case 'edit-incident':
        return rewrite(incident(edit.incident), (text) => text.replace(/^region: .*$/m, `region: ${WORDS[edit.word]}`));
      case 'postdate-incident':
        // Occurred after the meeting that examines it: that meeting's incident-after-meeting finding.
        return rewrite(incident(edit.incident), (text) => text.replace(/occurredAt: "\d{4}-/g, 'occurredAt: "2030-'));
      case 'move-incidents-folder': {
        const moved = path.join(this.dir, 'data/old-incidents');
        const [a, b] = existsSync(this.incidentsDir) ? [this.incidentsDir, moved] : [moved, this.incidentsDir];
        await rename(a, b);
        return new Set([a, b]);
      }
      case 'remove-site-files':
        // Outputs the watch wrote and keeps in memory, removed behind its back (no data event): written again.
        for (const name of ['index.html', 'incidents.json', 'incidents.html', 'styles.css']) await rm(path.join(this.dir, 'watched', name), { force: true });
        return new Set();
      case 'remove-outputs':
        // A meeting's page and Word file removed behind the watch's back (and from the full build's folder: a broken
        // meeting's are not written again by either): the page is listed, and the Word file's size stated on the
        // index, only when written again (the watch keeps the sizes it found, and trusts the plan for the page).
        for (const out of ['watched', 'fresh']) {
          for (const ext of ['html', 'docx']) await rm(path.join(this.dir, out, `${MEETINGS[edit.meeting]}.${ext}`), { force: true });
        }
        return new Set();
      case 'edit-codes': {
        // A newer class table from another date: the 区分 columns and counts of the register follow.
        const codes = path.join(this.dir, 'data/codes/serious-accident-classes.yaml');
        const text = await readFile(path.join(repoRoot, 'data/codes/serious-accident-classes.yaml'), 'utf8');
        await writeFile(codes, text.replace('effectiveFrom: "2022-10-15"', `effectiveFrom: "${edit.from}"`));
        return new Set([codes]);
      }
      case 'show-figure': {
        // The kubell incident (shown by fy2025-01) shows a figure file in a new folder.
        const figures = path.join(this.dir, 'data/figures');
        await mkdir(figures, { recursive: true });
        await writeFile(path.join(figures, 'kubell.png'), PNG);
        const touched = await rewrite(incident(2), (text) => text.replace(/\]\(\)/, '](../figures/kubell.png)'));
        return new Set([...touched, figures]);
      }
      case 'replace-figure': {
        const figure = path.join(this.dir, 'data/figures/kubell.png');
        if (!existsSync(figure)) return new Set();
        await writeFile(figure, (await readFile(figure)).equals(PNG) ? PNG_RED : PNG);
        return new Set([figure]);
      }
      case 'settle':
        // Files changed this recently are trusted by no stamp (file-stamp.ts): past that, stamps and memos are used.
        await new Promise((resolve) => setTimeout(resolve, 2100));
        return new Set();
      case 'add-subfolder': {
        // A new folder holding a meeting (copied under another name): the folder event names the folder alone.
        const folder = path.join(this.dir, 'data/meetings/extra');
        if (existsSync(folder)) return new Set();
        await mkdir(folder);
        await writeFile(path.join(folder, `extra-${MEETINGS[edit.meeting]}.md`), await original(edit.meeting));
        return new Set([folder]);
      }
      case 'edit-in-subfolder': {
        const folder = path.join(this.dir, 'data/meetings/extra');
        const names = existsSync(folder) ? await readdir(folder) : [];
        if (names.length === 0) return new Set();
        return rewrite(path.join(folder, names[0]), (text) => text.replace(/^place: .*$/m, `place: ${WORDS[edit.word]}`));
      }
      case 'remove-subfolder': {
        const folder = path.join(this.dir, 'data/meetings/extra');
        if (!existsSync(folder)) return new Set();
        await rm(folder, { recursive: true });
        return new Set([folder]);
      }
      case 'add-readme': {
        // A folder's README is no record, whatever it holds.
        const readme = path.join(this.dir, 'data/meetings/README.md');
        await writeFile(readme, '# 会議の議事要旨\n\nbroken: [\n');
        return new Set([readme]);
      }
      case 'edit-style-map': {
        const styleMap = path.join(this.dir, 'templates/style-map.json');
        const text = await readFile(path.join(repoRoot, 'templates/style-map.json'), 'utf8');
        await writeFile(styleMap, text.replace('"sizePt": 10.5, "lineSpacing"', `"sizePt": ${edit.sizePt}, "lineSpacing"`));
        return new Set();
      }
      case 'edit-template': {
        const template = path.join(this.dir, 'templates/meeting.hbs');
        const text = await readFile(path.join(repoRoot, 'templates/meeting.hbs'), 'utf8');
        await writeFile(template, edit.broken ? `${text}\n{{#if title}}\n` : `${text}\n<p>以上</p>\n`);
        return new Set();
      }
    }
  }
}

/** Every file of an output folder but the manifest, by name; the manifest's record of each document. */
async function outputsOf(outDir: string): Promise<{ files: Record<string, string>; documents: unknown }> {
  const files: Record<string, string> = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name !== MANIFEST_NAME) files[path.relative(outDir, full)] = (await readFile(full)).toString('base64');
    }
  };
  await walk(outDir);
  const manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_NAME), 'utf8')) as { meetings: unknown };
  return { files, documents: manifest.meetings };
}

async function compareAfterEdits(edits: Edit[], formats: OutputFormat[]): Promise<void> {
  const project = await EditedProject.create();
  made.push(project.dir);
  const options = (outDir: string) => ({ cwd: project.dir, dataDir: 'data', outDir, templatesDir: path.join(project.dir, 'templates'), formats });
  const watched: BuildSession = createBuildSession({ ...options('watched'), keepAlive: true });
  try {
    await watched.rebuild();
    const first = createBuildSession(options('fresh'));
    await first.rebuild().finally(() => first.dispose());
    for (const [step, change] of edits.entries()) {
      const touched = await project.apply(change, (paths) => watched.prepare(paths));
      // The watch prepares the files its events named while the debounce runs; a rebuild may also come first.
      if (touched && step % 2 === 0) watched.prepare(touched.data);
      const incremental = await watched.rebuild(touched);
      await watched.idle();
      const fresh = createBuildSession(options('fresh'));
      const full = await fresh.rebuild().finally(() => fresh.dispose());
      const context = `step ${step}: ${JSON.stringify(change)}`;
      expect(incremental.diagnostics, context).toEqual(full.diagnostics);
      expect(await outputsOf(path.join(project.dir, 'watched')), context).toEqual(await outputsOf(path.join(project.dir, 'fresh')));
    }
  } finally {
    await watched.dispose();
  }
}

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe('the watch session, told which files changed', () => {
  it('gives the diagnostics and outputs of a full build after each of these edits (Word included)', async () => {
    await compareAfterEdits(
      [
        { op: 'place', meeting: 1, word: 0 },
        { op: 'lengthen', meeting: 0 },
        { op: 'unknown-reference', meeting: 2 },
        { op: 'duplicate-meeting', meeting: 0 },
        { op: 'remove-incident', incident: 2 },
        { op: 'break-yaml', meeting: 3 },
        { op: 'edit-incident', incident: 1, word: 3 },
        { op: 'postdate-incident', incident: 1 },
        { op: 'rename-meeting', meeting: 1 },
        { op: 'move-incidents-folder' },
        { op: 'edit-template', broken: true },
        { op: 'move-incidents-folder' },
        { op: 'edit-template', broken: false },
        { op: 'edit-style-map', sizePt: 12 },
        { op: 'place', meeting: 0, word: 1 },
        { op: 'remove-site-files' },
        { op: 'remove-outputs', meeting: 0 },
        { op: 'edit-codes', from: '2023-01-01' },
        { op: 'restore', meeting: 2 },
        { op: 'restore', meeting: 3 },
        { op: 'restore', meeting: 0 },
        { op: 'restore-incident', incident: 2 },
        { op: 'restore-incident', incident: 1 },
        { op: 'rename-meeting', meeting: 1 },
        { op: 'edit-codes', from: '2022-10-15' },
        { op: 'remove-site-files' },
        // A figure changed while the meeting that shows it was broken, then the meeting restored to the very text its
        // last key was made from: the figure's change must still rebuild it.
        { op: 'show-figure' },
        { op: 'settle' },
        { op: 'restore', meeting: 3 },
        { op: 'break-yaml', meeting: 3 },
        { op: 'replace-figure' },
        { op: 'settle' },
        { op: 'restore', meeting: 3 },
        { op: 'replace-figure' },
        { op: 'remove-outputs', meeting: 3 },
        { op: 'add-subfolder', meeting: 2 },
        { op: 'edit-in-subfolder', word: 4 },
        { op: 'add-readme' },
        { op: 'remove-subfolder' },
        { op: 'add-subfolder', meeting: 0 },
        { op: 'resave', meeting: 1, word: 2 },
        { op: 'resave', meeting: 3, word: 0 },
        { op: 'remove-outputs', meeting: 2 },
      ],
      ['html', 'docx'],
    );
  }, 240_000);

  it('lists every page it wrote on the site pages (a counterexample: the site step listed the folder before a page was in place)', async () => {
    await compareAfterEdits([{ op: 'edit-codes', from: '2022-10-15' }, { op: 'place', meeting: 2, word: 1 }], ['html']);
  }, 120_000);

  it('gives the diagnostics and outputs of a full build after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => compareAfterEdits(edits, ['html'])),
      propertyRuns(5),
    );
  }, 600_000);
});
