import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editFile, isCleanFailure, makeSmallProjectWithTemplates, runMinutes } from '../support/small-project.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Builds a project with its own copy of the templates, breaks one template, and builds again. */
async function buildWithBrokenTemplate(file: string, edit: (text: string) => string) {
  const dir = await makeSmallProjectWithTemplates();
  made.push(dir);
  const args = ['build', '--templates', 'templates', '--lang', 'en'];
  expect((await runMinutes(dir, args)).code).toBe(0);
  const before = new Map<string, Buffer>();
  for (const name of await readdir(path.join(dir, 'output'))) before.set(name, await readFile(path.join(dir, 'output', name)));
  await editFile(path.join(dir, 'templates', file), edit);
  // The data changes too, so every page is due.
  const meeting = path.join(dir, 'data/meetings/fy2025-03.md');
  await writeFile(meeting, (await readFile(meeting, 'utf8')).replace('place: Web会議', 'place: 総務省'));
  const result = await runMinutes(dir, args);
  const changed: string[] = [];
  for (const [name, bytes] of before) {
    if (name !== '.minutes-manifest.json' && !(await readFile(path.join(dir, 'output', name))).equals(bytes)) changed.push(name);
  }
  return { ...result, changed };
}

const insertLine = (line: number, inserted: string) => (text: string) => {
  const lines = text.split('\n');
  lines.splice(line - 1, 0, inserted);
  return lines.join('\n');
};

describe('a template mistake', () => {
  it('inside a partial is reported at the partial’s own file and line, not at meeting.hbs', async () => {
    const result = await buildWithBrokenTemplate('partials/incident-table.hbs', insertLine(5, '<p>{{noSuchField}}</p>'));
    expect(result.code).toBe(3);
    expect(isCleanFailure(result)).toBe(true);
    expect(result.stderr).toMatch(/templates\/partials\/incident-table\.hbs:5:\d+ +error .*noSuchField.* template-error/);
    expect(result.stderr).not.toContain('meeting.hbs');
  });

  for (const [file, line] of [
    ['layout.html.hbs', 7],
    ['index.hbs', 2],
    ['register.hbs', 2],
  ] as const) {
    it(`in ${file} (a missing value) is exit 3 at its file and line, and no page is touched`, async () => {
      const result = await buildWithBrokenTemplate(file, insertLine(line, '<p>{{noSuchField}}</p>'));
      expect(result.code).toBe(3);
      expect(isCleanFailure(result)).toBe(true);
      expect(result.stderr).toMatch(new RegExp(`templates/${file.replace(/\./g, '\\.')}:${line}:\\d+ +error .*noSuchField.* template-error`));
      if (file === 'layout.html.hbs') expect(result.changed).toEqual([]);
      else expect(result.changed.filter((name) => /^(index|incidents)/.test(name))).toEqual([]);
    });
  }

  it('in layout.html.hbs (an unclosed {{#if}}) is exit 3 at its file, and every output stays as it was', async () => {
    const result = await buildWithBrokenTemplate('layout.html.hbs', insertLine(9, '{{#if title}}'));
    expect(result.code).toBe(3);
    expect(isCleanFailure(result)).toBe(true);
    expect(result.stderr).toMatch(/templates\/layout\.html\.hbs:\d+:\d+ +error .* template-error/);
    expect(result.changed).toEqual([]);
  });
});
