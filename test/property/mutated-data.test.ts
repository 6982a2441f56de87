import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { propertyRuns } from '../support/property-runs.js';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/read-source.js';
import { validateSources } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';
import { readCodes } from '../../src/load/read-codes.js';
import { loadTemplates } from '../../src/render/handlebars-env.js';
import { listPublications } from '../../src/publications.js';
import { repoRoot } from '../support/build-bundled.js';

const dataDir = path.join(repoRoot, 'data');
const files = ['meetings', 'incidents'].flatMap((folder) =>
  readdirSync(path.join(dataDir, folder))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `${folder}/${f}`, text: readFileSync(path.join(dataDir, folder, f), 'utf8') })),
);
const codes = readCodes(dataDir);
const reportTimeLine = (files.find((f) => f.name.endsWith('example-email-outage.md'))?.text ?? '').split('\n').findIndex((l) => /^\s*- at: "/.test(l));
const templates = loadTemplates(path.join(repoRoot, 'templates'));

/**
 * Values that look right to a hurried editor but are not: times past 24:00, day 0, impossible and pre-明治 dates,
 * slashes, full-width digits, broken %-escapes, odd numbers, empty and wrong-shaped values.
 */
const trickyValues = [
  '"25:10"', '"D0 09:00"', '"D1 24:00"', '"2025/02/30 09:00"', '"1800-12-06 01:08"', '"1868-01-24"', '"9999-12-31 23:59"',
  '"２０２５-０４-２６ ０７:４１"', '"PT0M"', '"-PT1H"', '"P1Y"', '-1', '0', '1e309', '0.5', '"%E0%A4%A"', '"../../etc/passwd"',
  '""', '[]', '{}', 'null', '~', 'true', '"ｘ"', '"{{x}}"', '"<script>"',
];

/** A random edit an editor could make by mistake: delete, duplicate or indent a line, type stray characters, or
 * replace a value with a tricky one. */
const mutation = fc.record({
  file: fc.nat(),
  line: fc.nat(),
  kind: fc.constantFrom('delete', 'duplicate', 'indent', 'dedent', 'insert', 'truncate', 'value', 'value', 'value'),
  text: fc.constantFrom(':', '- ', '"', "'", '[', '{', '#', '*a', '&x', '\t', '２０２５', '---', '## 発生原因', 'x: y'),
  value: fc.constantFrom(...trickyValues),
});

function mutate(text: string, m: { line: number; kind: string; text: string; value?: string }): string {
  const lines = text.split('\n');
  const i = m.line % lines.length;
  switch (m.kind) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, lines[i]);
      break;
    case 'indent':
      lines[i] = `  ${lines[i]}`;
      break;
    case 'dedent':
      lines[i] = lines[i].replace(/^\s+/, '');
      break;
    case 'insert':
      lines[i] = `${lines[i].slice(0, lines[i].length >> 1)}${m.text}${lines[i].slice(lines[i].length >> 1)}`;
      break;
    case 'truncate':
      lines.length = i + 1;
      break;
    case 'value': {
      // The value of the nearest "key: value" line at or after the chosen one (flow maps too: "{ at: "12:00", … }").
      const j = lines.findIndex((line, k) => k >= i && /(^|[{,-])\s*[A-Za-z]+: [^\s{[]/.test(line));
      if (j >= 0) lines[j] = lines[j].replace(/((?:^|[{,-])\s*[A-Za-z]+: )("[^"]*"|[^,}\s][^,}]*)/, `$1${m.value ?? m.text}`);
      break;
    }
  }
  return lines.join('\n');
}

describe.runIf(files.length > 0)('mutated copies of the real data files', () => {
  it('never crash the tool, and every diagnostic lies inside its file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const texts = new Map(files.map((f) => [f.name, f.text]));
        for (const m of mutations) {
          const name = files[m.file % files.length].name;
          texts.set(name, mutate(texts.get(name)!, m));
        }
        const sources = [...texts].map(([name, text]) => parseSource(name, path.join(dataDir, name), text));
        const project = validateSources(sources, dataDir, codes);
        for (const d of allDiagnostics(project)) {
          const lines = texts.get(d.file)!.replace(/^\uFEFF/, '').split('\n');
          expect(d.start.line, `${d.file} ${d.id}`).toBeGreaterThanOrEqual(1);
          expect(d.end.line).toBeLessThanOrEqual(lines.length);
          expect(d.start.column).toBeGreaterThanOrEqual(1);
          expect(d.start.column).toBeLessThanOrEqual([...lines[d.start.line - 1]].length + 1);
          expect(d.ja.length).toBeGreaterThan(0);
          expect(d.en.length).toBeGreaterThan(0);
        }
        // Whatever passed the checks renders: every document the build would write (minutes and reports).
        for (const publication of listPublications(project).publications) publication.render(templates);
      }),
      {
        ...propertyRuns(150),
        // Found by CI: indenting a file's second line broke the YAML so that yaml's LineCounter lost lines
        // and placed later errors past the end of their line.
        examples: [
          ...files.map((_, file) => [[{ file, line: 1, kind: 'indent', text: ':', value: '' }]]),
          // A report time past 24:00 passed a pattern check and crashed the report.
          [[{ file: files.findIndex((f) => f.name.endsWith('example-email-outage.md')), line: reportTimeLine, kind: 'value', text: '', value: '"25:10"' }]],
        ],
      },
    );
  });
});
