/**
 * Any value the sources may not give can be written 不明, 非公表 or 調査中 (issue 10): the data still checks without an
 * error, every document still renders, and no made-up value takes the missing one's place (no 0時0分, 1分 or 0人).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseSource } from '../../src/load/read-source.js';
import { readCodes } from '../../src/load/read-codes.js';
import { validateSources } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';
import { loadTemplates } from '../../src/render/handlebars-env.js';
import { listPublications, type Publication } from '../../src/publications.js';
import { repoRoot } from '../support/build-bundled.js';
import { propertyRuns } from '../support/property-runs.js';

const dataDir = path.join(repoRoot, 'data');
const read = (folder: string) =>
  readdirSync(path.join(dataDir, folder))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `${folder}/${f}`, text: readFileSync(path.join(dataDir, folder, f), 'utf8') }));
const meetings = read('meetings');
const incidents = read('incidents');
const codes = readCodes(dataDir);
const templates = loadTemplates(path.join(repoRoot, 'templates'));

type Path = (string | number)[];

/** The paths of an incident whose value may be unknown, undisclosed or under investigation. */
function uncertainPaths(data: Record<string, unknown>): Path[] {
  const occurrences = (data.occurrences as Record<string, unknown>[] | undefined) ?? [];
  const operators = (data.operators as Record<string, unknown>[] | undefined) ?? [];
  return [
    ...occurrences.flatMap((o, i) => (['occurredAt', 'recoveredAt', 'duration'] as const).filter((k) => k in o).map((k) => ['occurrences', i, k])),
    ...operators.flatMap((o, i) => ('affectedUsers' in o ? [['operators', i, 'affectedUsers']] : [])),
    ...(['affectedUsers', 'region', 'inquiries'] as const).filter((k) => k in data).map((k) => [k]),
    ['classification', 'class'],
  ];
}

const statuses = ['不明', '非公表', '調査中', { status: '非公表', note: '※理由は非公表' }] as const;

/** Replaces values of one incident's front matter; the body stays as it is. */
function replaceValues(text: string, picks: { path: number; status: number }[]): string {
  const end = text.indexOf('\n---', 4);
  const document = parseDocument(text.slice(4, end));
  const paths = uncertainPaths(document.toJS() as Record<string, unknown>);
  for (const pick of picks) document.setIn(paths[pick.path % paths.length], structuredClone(statuses[pick.status % statuses.length]));
  return `---\n${document.toString()}${text.slice(end + 1)}`;
}

/** Every text the documents that show `changed` print, by document id. */
function renderAll(texts: Map<string, string>, changed?: string): { errors: string[]; printed: Map<string, string> } {
  const sources = [...texts].map(([name, text]) => parseSource(name, path.join(dataDir, name), text));
  const project = validateSources(sources, dataDir, codes);
  const errors = allDiagnostics(project)
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.file}:${d.start.line} ${d.id} ${d.en}`);
  const shows = (p: Publication) => !changed || p.file.path === changed || p.shows.some((r) => r.file.path === changed);
  const printed = new Map(
    listPublications(project)
      .publications.filter(shows)
      .map((p) => [p.id, JSON.stringify(p.render(templates).tree ?? null)]),
  );
  return { errors, printed };
}

/** Made-up values a missing one must never become. */
const madeUp = [/(?<!\d)0時0分/g, /(?<![\d時])1分/g, /(?<![\d.,万])0人/g];
const countMadeUp = (printed: string) => madeUp.map((pattern) => printed.match(pattern)?.length ?? 0);

const original = new Map([...meetings, ...incidents].map((f) => [f.name, f.text]));
const baseline = renderAll(original);

describe('values the sources do not give', () => {
  it('the real data renders as it is (the baseline of this test)', () => {
    expect(baseline.errors).toEqual([]);
  });

  it('any of them may be 不明, 非公表 or 調査中: no error, every document renders, nothing made up', () => {
    fc.assert(
      fc.property(
        fc.nat(incidents.length - 1),
        fc.array(fc.record({ path: fc.nat(), status: fc.nat() }), { minLength: 1, maxLength: 6 }),
        (which, picks) => {
          const texts = new Map(original);
          const name = incidents[which].name;
          texts.set(name, replaceValues(texts.get(name)!, picks));
          const { errors, printed } = renderAll(texts, name);
          expect(errors, texts.get(name)).toEqual([]);
          expect(printed.size).toBeGreaterThan(0);
          for (const [id, text] of printed) {
            expect(text, id).not.toBe('null');
            const before = countMadeUp(baseline.printed.get(id)!);
            countMadeUp(text).forEach((count, i) => expect(count, `${id} ${String(madeUp[i])}`).toBeLessThanOrEqual(before[i]));
          }
          expect([...printed.values()].join('\n')).toMatch(/不明|非公表|調査中/);
        },
      ),
      {
        ...propertyRuns(60),
        // Found by the first local run: a 区分 written { status: 非公表, note: … } was refused.
        examples: [[0, [{ path: 5, status: 3 }]]],
      },
    );
  });
});
