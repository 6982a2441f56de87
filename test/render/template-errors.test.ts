/**
 * Issue 14: a mistake inside a partial is reported at the partial's own file and line, whether the compiler finds it
 * (syntax, an unknown helper, a partial that does not exist) or the render does (a missing value), nested too.
 */
import { describe, expect, it } from 'vitest';
import { compileTemplates, TemplateError, type TemplateSource } from '../../src/render/handlebars-env.js';

const template = (name: string, text: string): TemplateSource => ({ file: `/t/${name}.hbs`, text, name, partial: false });
const partial = (name: string, text: string): TemplateSource => ({ file: `/t/partials/${name}.hbs`, text, name, partial: true });

/** The render's error as `file:line:column message`. */
function renderError(sources: TemplateSource[], view: unknown = { shown: true, item: {} }): string {
  try {
    compileTemplates('/t', sources).render('page', view);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return `${error.templatePath}:${error.line}:${error.column} ${error.message}`;
  }
  throw new Error('the render did not fail');
}

const problems = (sources: TemplateSource[]) => compileTemplates('/t', sources).problems.map((e) => `${e.templatePath}:${e.line}:${e.column} ${e.message}`);

const page = template('page', '<h1>title</h1>\n{{#if shown}}\n{{> outer}}\n{{/if}}\n');
const outer = partial('outer', '<p>outer</p>\n<p>outer</p>\n{{> inner}}\n');

describe('a mistake inside a partial', () => {
  it('(syntax) is at the partial’s file and line, in a partial called from a partial', () => {
    const sources = [page, outer, partial('inner', '<p>inner</p>\n<p>{{#if shown}}x{{/iff}}</p>\n')];
    expect(renderError(sources)).toMatch(/^\/t\/partials\/inner\.hbs:2:7 .*iff/);
    expect(problems(sources)).toEqual([expect.stringMatching(/^\/t\/partials\/inner\.hbs:2:7 /)]);
  });

  it('(an unknown helper) is at the partial’s file and line', () => {
    const sources = [page, outer, partial('inner', '<p>inner</p>\n\n<p>{{shout item}}</p>\n')];
    expect(renderError(sources)).toMatch(/^\/t\/partials\/inner\.hbs:3:4 .*unknown helper shout/);
    expect(problems(sources)).toEqual([expect.stringMatching(/^\/t\/partials\/inner\.hbs:3:4 .*shout/)]);
  });

  it('(a missing value) is at the nested partial’s file and line', () => {
    const sources = [page, outer, partial('inner', '<p>inner</p>\n<p>{{item.name.first}}</p>\n')];
    expect(renderError(sources)).toMatch(/^\/t\/partials\/inner\.hbs:2:6 .*"first" not defined/);
    expect(problems(sources)).toEqual([]);
  });

  it('(a partial that does not exist) is at the line and column of its call', () => {
    const sources = [page, partial('outer', '<p>outer</p>\n<p>outer</p>\n  {{> missing}}\n')];
    expect(problems(sources)).toEqual(['/t/partials/outer.hbs:3:3 The partial missing could not be found']);
  });

  it('is found before any render, in a branch the data does not reach', () => {
    const sources = [page, outer, partial('inner', '<p>inner</p>\n<p>{{#each}}</p>\n')];
    expect(compileTemplates('/t', sources).render('page', { shown: false })).toBe('<h1>title</h1>\n');
    expect(problems(sources)).toEqual([expect.stringMatching(/^\/t\/partials\/inner\.hbs:\d+:\d+ Parse error/)]);
  });

  it('leaves a set without mistakes rendering as before', () => {
    const sources = [page, outer, partial('inner', '<p>{{item.name}}</p>\n')];
    expect(problems(sources)).toEqual([]);
    expect(compileTemplates('/t', sources).render('page', { shown: true, item: { name: '名前' } })).toBe('<h1>title</h1>\n<p>outer</p>\n<p>outer</p>\n<p>名前</p>\n');
  });
});
