import path from 'node:path';
import fc from 'fast-check';
import { propertyRuns } from '../support/property-runs.js';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/read-source.js';
import { validateSources } from '../../src/pipeline.js';
import { allDiagnostics } from '../../src/project.js';
import { loadTemplates } from '../../src/render/handlebars-env.js';
import { listPublications } from '../../src/publications.js';
import { writeDocx } from '../../src/write/docx/write-docx.js';
import { loadStyleMap } from '../../src/write/docx/read-style-map.js';
import { serializeBlocks } from '../../src/write/html/serialize-tree.js';
import { docxBodyText, htmlMainText } from '../support/extract-text.js';
import { repoRoot } from '../support/build-bundled.js';

const templatesDir = path.join(repoRoot, 'templates');
const templates = loadTemplates(templatesDir);
const styleMap = loadStyleMap(templatesDir);

const yamlString = (s: string) => JSON.stringify(s);

function sources(place: string, region: string) {
  const meeting = `---\ntype: meeting\nfiscalYear: 2025\nnumber: 2\ndate: "2025-07-01"\nstart: "10:00"\nend: "11:00"\nplace: ${yamlString(place)}\nagenda:\n  - text: 説明。\n    incidents: [i]\n---\n`;
  const incident = `---\ntype: incident\noperators:\n  - name: 株式会社テスト\noccurrences:\n  - occurredAt: "2025-06-01 10:00"\n    duration: PT3H\nregion: ${yamlString(region)}\ninquiries: "-"\ndescription: 障害。\nclassification:\n  class: 五 一の項から四の項までに掲げる電気通信役務以外の電気通信役務\n---\n\n## 発生原因\n\n原因。\n\n## 再発防止策\n\n対策。\n`;
  return [parseSource('meetings/m.md', '/d/meetings/m.md', meeting), parseSource('incidents/i.md', '/d/incidents/i.md', incident)];
}

/** Characters that could become markup in HTML or Word, mixed with Japanese text. */
const hostileText = fc
  .array(fc.constantFrom('<', '>', '&', '"', "'", '<script>', '</td>', '&amp;', '{{x}}', '**', '[a](b)', '漢字', 'ｶﾅ', 'a', ' ', '＜＞', '\\', '`'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').trim())
  .filter((s) => s.length > 0);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('text fields', () => {
  it('come out as literal text in HTML and Word, whatever characters they hold', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (place, region) => {
        const project = validateSources(sources(place, region), '/d', { classes: { tables: [] }, services: { services: [] } });
        expect(allDiagnostics(project).filter((d) => d.severity === 'error')).toEqual([]);
        const rendered = listPublications(project).publications.find((p) => p.id === 'm')!.render(templates);
        expect(rendered.diagnostics).toEqual([]);
        const html = `<main>${serializeBlocks(rendered.tree!.blocks, { figureUrl: () => undefined })}</main>`;
        const text = collapse(htmlMainText(html));
        expect(text).toContain(collapse(place));
        expect(text).toContain(collapse(region));
        expect(html).not.toMatch(/<script|<\/?x>/);
        const docx = await writeDocx(rendered.tree!, {
          styleMap,
          resolveFigure: () => undefined,
          properties: { title: 't', subject: 's', creator: 'c', date: '2025-07-01' },
        });
        const wordText = collapse(docxBodyText(docx));
        expect(wordText).toContain(collapse(place));
        expect(wordText).toContain(collapse(region));
      }),
      propertyRuns(40),
    );
  });
});
