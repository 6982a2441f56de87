/**
 * Issue 14: markup outside the vocabulary is blamed on the template that writes it (at its line), and markup from the
 * data (a Markdown field) on the data file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParseStore } from '../../src/load/parse-store.js';
import { checkTemplates } from '../../src/render/check-templates.js';
import { compileTemplates, loadTemplates, type TemplateSource } from '../../src/render/handlebars-env.js';
import { MARKUP_VOCABULARY, markupToTree } from '../../src/render/markup-to-tree.js';
import { markupToDocTree } from '../../src/render/render-meeting.js';
import { repoRoot } from '../support/build-bundled.js';

const template = (name: string, text: string): TemplateSource => ({ file: `/t/${name}.hbs`, text, name, partial: false });
const partial = (name: string, text: string): TemplateSource => ({ file: `/t/partials/${name}.hbs`, text, name, partial: true });
const located = (d: { file: string; start: { line: number; column: number }; id: string }) => `${d.file}:${d.start.line}:${d.start.column} ${d.id}`;

/** Renders `page` with `view` and parses the markup as render-meeting.ts does for a meeting of data/m.md. */
function renderAndParse(sources: TemplateSource[], view: unknown) {
  const templates = compileTemplates('/t', sources);
  return markupToDocTree(templates.render('page', view), 'title', 'data/m.md', { templates, name: 'page' }).diagnostics.map(located);
}

describe('markup outside the vocabulary', () => {
  it('written by a template is blamed on the template, at the line of its start tag', () => {
    const sources = [template('page', '<h1>t</h1>\n{{> list}}\n'), partial('list', '<p>a</p>\n<ul>\n  <p class="x">{{text}}</p>\n</ul>\n')];
    expect(renderAndParse(sources, { text: '本文' })).toEqual(['/t/partials/list.hbs:3:3 template-markup']);
  });

  it('that came from a Markdown field is blamed on the data file', () => {
    const sources = [template('page', '<h1>t</h1>\n<section>{{md text}}</section>\n')];
    expect(renderAndParse(sources, { text: '##### 五段目の見出し' })).toEqual(['data/m.md:1:1 unsupported-markup']);
  });

  it('is told apart when a template and the data write the same tag in one document', () => {
    const sources = [template('page', '<h5>{{title}}</h5>\n<div>{{md text}}</div>\n')];
    expect(renderAndParse(sources, { title: '表題', text: '##### 五段目' })).toEqual(['/t/page.hbs:1:1 template-markup', 'data/m.md:1:1 unsupported-markup']);
  });

  it('written by the template but not in its text as rendered (a tag with a value in it, twice) is on the template, without a line', () => {
    const sources = [template('page', '<ul>\n<p class="{{a}}">x</p>\n<p class="{{a}}">y</p>\n</ul>\n')];
    expect(renderAndParse(sources, { a: 'b' })).toEqual(['/t/page.hbs:1:1 template-markup', '/t/page.hbs:1:1 template-markup']);
  });
});

describe('the templates’ own markup, checked before rendering', () => {
  it('reports an element and an attribute the tree does not read, at their lines, in a branch no render reaches', () => {
    const sources = [
      template('page', '<h1>t</h1>\n{{#if never}}{{> notes}}{{/if}}\n'),
      partial('notes', '<p>a</p>\n<p>b <font color="red">{{x}}</font></p>\n<td style="color: red" colspan="2">c</td>\n'),
    ];
    const diagnostics = checkTemplates(compileTemplates('/t', sources));
    expect(diagnostics.map(located)).toEqual(['/t/partials/notes.hbs:2:6 template-markup', '/t/partials/notes.hbs:3:5 template-markup']);
    expect(diagnostics.map((d) => d.actual)).toEqual(['<font>', '<td style="color: red">']);
  });

  it('ignores what Handlebars writes (comments, expressions) and HTML comments', () => {
    const sources = [template('page', '{{!-- <font> --}}<!-- <blink> -->\n<p class="{{cls}}" {{#if a}}lang="en"{{/if}}>{{{raw}}}</p>\n')];
    expect(checkTemplates(compileTemplates('/t', sources))).toEqual([]);
  });

  it('trusts a clean mark only for the very texts checked clean, and never marks a set with a problem', () => {
    const kept = new Map<string, unknown>();
    const store: ParseStore = { get: (text) => (kept.has(text) ? { data: kept.get(text) } : undefined), put: (text, data) => void kept.set(text, data) };
    const clean = [template('page', '<h1>t</h1>\n<p>{{x}}</p>\n')];
    const broken = [template('page', '<h1>t</h1>\n<p>{{x}}</p>\n<font>y</font>\n')];
    expect(checkTemplates(compileTemplates('/t', clean), store)).toEqual([]);
    expect(kept.size).toBeGreaterThan(0);
    const marks = kept.size;
    // The broken set differs by one tag from a set marked clean: it is scanned, reported, and not marked.
    expect(checkTemplates(compileTemplates('/t', broken), store).map(located)).toEqual(['/t/page.hbs:3:1 template-markup']);
    expect(checkTemplates(compileTemplates('/t', broken), store).map(located)).toEqual(['/t/page.hbs:3:1 template-markup']);
    expect(kept.size).toBe(marks);
    // The same texts in another file are another set.
    const moved = [{ ...broken[0], file: '/u/page.hbs' }];
    expect(checkTemplates(compileTemplates('/u', moved), store).map(located)).toEqual(['/u/page.hbs:3:1 template-markup']);
  });

  it('finds nothing in the bundled templates', () => {
    expect(checkTemplates(loadTemplates(path.join(repoRoot, 'templates'))).map(located)).toEqual([]);
  });
});

describe('the vocabulary (MARKUP_VOCABULARY)', () => {
  it('is read by the tree step: each element, with its attributes, in a place it may stand, gives no problem', () => {
    const inside: Record<string, (element: string) => string> = {
      li: (e) => `<ul>${e}</ul>`,
      caption: (e) => `<table>${e}<tr><td>x</td></tr></table>`,
      thead: (e) => `<table>${e}</table>`,
      tbody: (e) => `<table>${e}</table>`,
      tfoot: (e) => `<table>${e}</table>`,
      tr: (e) => `<table>${e}</table>`,
      th: (e) => `<table><tr>${e}</tr></table>`,
      td: (e) => `<table><tr>${e}</tr></table>`,
      figcaption: (e) => `<figure><img src="a.png" alt="a">${e}</figure>`,
      figure: () => '<figure><img src="a.png" alt="a"></figure>',
      img: () => '<p><img src="a.png" alt="a" title="t"></p>',
    };
    for (const [tag, attributes] of Object.entries(MARKUP_VOCABULARY)) {
      const element = `<${tag} ${attributes.map((a) => `${a}="1"`).join(' ')}>x</${tag}>`;
      expect(markupToTree((inside[tag] ?? ((e: string) => e))(element)).problems, tag).toEqual([]);
    }
  });

  it('is listed in the README’s template section, element by element', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Changing a template'), readme.indexOf('## Design'));
    const listed = new Set([...section.matchAll(/`([a-z0-9]+)`/g)].map((m) => m[1]));
    for (const tag of Object.keys(MARKUP_VOCABULARY)) if (!/^h[1-4]$/.test(tag)) expect(listed.has(tag), tag).toBe(true);
  });
});
