/**
 * Issue 14: a class a Word template writes must have a Word style in templates/style-map.json (a paragraph style, a
 * table look, a row or cell style), or be listed in noWordStyle with the reason; otherwise it is an error at its line.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplates, loadTemplates, type TemplateSource } from '../../../src/render/handlebars-env.js';
import { checkTemplateClasses } from '../../../src/write/docx/check-template-classes.js';
import { documentTypes, publishedTemplates } from '../../../src/document-types.js';

/** The templates the tool's kinds write to Word: meeting and report. */
const WORD = publishedTemplates(documentTypes);
import { loadStyleMap } from '../../../src/write/docx/read-style-map.js';
import type { StyleMap } from '../../../src/write/docx/style-map.js';
import { repoRoot } from '../../support/build-bundled.js';

const templatesDir = path.join(repoRoot, 'templates');
const bundled = loadStyleMap(templatesDir);
const located = (d: { file: string; start: { line: number; column: number }; actual?: string; expected?: string }) =>
  `${path.relative(repoRoot, d.file)}:${d.start.line}:${d.start.column} ${d.actual} → ${d.expected}`;

describe('a class with no Word style', () => {
  it('is none in the bundled templates and style map', () => {
    expect(checkTemplateClasses(loadTemplates(templatesDir), bundled, WORD)).toEqual([]);
  });

  it('is reported at its template line for every class the style map leaves out (here: without noWordStyle)', () => {
    const { noWordStyle: _, ...withoutList } = bundled;
    const found = checkTemplateClasses(loadTemplates(templatesDir), withoutList, WORD).map(located);
    expect(found).toEqual([
      'templates/meeting.hbs:31:17 agenda-item → paragraphStyles',
      'templates/meeting.hbs:42:17 closing-remark → paragraphStyles',
      'templates/report.hbs:4:35 disclaimer → paragraphStyles',
      'templates/report.hbs:58:17 timeline-entry → paragraphStyles',
    ]);
  });

  it('is looked up where the Word writer looks for its element: rows, cells and tables in their own sections', () => {
    const map: StyleMap = { ...bundled, rowStyles: {}, cellStyles: {}, tables: { default: bundled.tables.default } };
    const found = checkTemplateClasses(loadTemplates(templatesDir), map, WORD).map(located);
    expect(found.filter((line) => /→ (rowStyles|cellStyles|tables)$/.test(line)).length).toBeGreaterThan(0);
    expect(found).toContain('templates/partials/incident-table.hbs:4:12 keep → rowStyles');
    expect(found).toContain('templates/partials/incident-table.hbs:58:72 vertical → cellStyles');
    expect(found).toContain('templates/report.hbs:35:15 data-table → tables');
    // A row class is not a paragraph style: `keep` as a paragraph style would not make it one.
    const asParagraph: StyleMap = { ...map, paragraphStyles: { ...bundled.paragraphStyles, keep: bundled.paragraphStyles.closing } };
    expect(checkTemplateClasses(loadTemplates(templatesDir), asParagraph, WORD).map(located)).toContain('templates/partials/incident-table.hbs:4:12 keep → rowStyles');
  });

  it('on an element the Word writer takes no style from (a span) needs noWordStyle; a class from a value is not checked', () => {
    const sources: TemplateSource[] = [{ file: '/t/meeting.hbs', name: 'meeting', partial: false, text: '<p>a <span class="note">b</span></p>\n<p class="{{cls}} title">c</p>\n' }];
    const templates = compileTemplates('/t', sources);
    expect(checkTemplateClasses(templates, bundled, WORD).map((d) => `${d.start.line}:${d.start.column} ${d.actual} → ${d.expected}`)).toEqual(['1:19 note → noWordStyle']);
    expect(checkTemplateClasses(templates, { ...bundled, noWordStyle: { note: 'only the HTML page marks it' } }, WORD)).toEqual([]);
  });

  it('is not checked in the site pages, which are HTML only', () => {
    const sources: TemplateSource[] = [{ file: '/t/index.hbs', name: 'index', partial: false, text: '<table class="index-table"><tr><td>x</td></tr></table>\n' }];
    expect(checkTemplateClasses(compileTemplates('/t', sources), bundled, WORD)).toEqual([]);
  });
});
