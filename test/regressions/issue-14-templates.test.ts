/**
 * Issue 14, from the command line: a template mistake found without rendering (markup outside the vocabulary, a class
 * with no Word style, a partial that does not exist) is a template error at its file and line: exit 3, nothing written.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editFile, isCleanFailure, makeSmallProjectWithTemplates, runMinutes } from '../support/small-project.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A fresh project with its own copy of the templates, one of them edited, built once for Word and HTML. */
async function buildWithTemplate(file: string, edit: (text: string) => string) {
  const dir = await makeSmallProjectWithTemplates();
  made.push(dir);
  await editFile(path.join(dir, 'templates', file), edit);
  const result = await runMinutes(dir, ['build', '--templates', 'templates', '--lang', 'en', '--format', 'html,docx']);
  const written = (await readdir(path.join(dir, 'output')).catch(() => [])).filter((name) => /\.(html|docx)$/.test(name));
  return { ...result, written };
}

const replaceLine = (line: number, by: (text: string) => string) => (text: string) =>
  text
    .split('\n')
    .map((l, i) => (i === line - 1 ? by(l) : l))
    .join('\n');

describe('a template mistake found before rendering', () => {
  it('a class with no Word style in a partial is exit 3 at the partial’s line, and nothing is written', async () => {
    const result = await buildWithTemplate('partials/incident-table.hbs', replaceLine(4, (l) => l.replace('class="keep"', 'class="keep tight"')));
    expect(result.code).toBe(3);
    expect(isCleanFailure(result)).toBe(true);
    expect(result.stderr).toMatch(/templates\/partials\/incident-table\.hbs:4:\d+ +error .*"tight".* unstyled-class/);
    expect(result.written).toEqual([]);
  });

  it('an element outside the vocabulary in meeting.hbs is exit 3 at its line, not blamed on the meeting file', async () => {
    const result = await buildWithTemplate('meeting.hbs', replaceLine(46, (l) => `${l}\n<blink>以上</blink>`));
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/templates\/meeting\.hbs:47:1 +error .*<blink>.* template-markup/);
    expect(result.stderr).not.toMatch(/fy2025-03\.md.*unsupported-markup/);
    expect(result.written).toEqual([]);
  });

  it('a call of a partial that does not exist is exit 3 at the call, even where the data never reaches it', async () => {
    const result = await buildWithTemplate('report.hbs', replaceLine(2, (l) => `{{#if label}}{{> no-such-partial}}{{/if}}${l}`));
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/templates\/report\.hbs:2:14 +error .*no-such-partial.* template-error/);
  });
});
