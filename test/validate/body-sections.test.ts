import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/load/read-source.js';
import { splitIncidentBody } from '../../src/validate/check-body.js';
import { propertyRuns } from '../support/property-runs.js';

const fileOf = (body: string) => parseSource('data/incidents/x.md', '/data/incidents/x.md', `---\ntype: incident\n---\n${body}`);

describe('the sections of an incident body', () => {
  it('gives each section its lines, trimmed, with the blank lines inside kept', () => {
    const { body } = splitIncidentBody(fileOf('\n## 発生原因\n\n  原因の一行目。\n\n二行目。  \n\n## 再発防止策\n対策。\n'));
    expect(body.sections.cause?.markdown).toBe('原因の一行目。\n\n二行目。');
    expect(body.sections.prevention?.markdown).toBe('対策。');
  });

  it('leaves a heading the section cannot have out of its text, and keeps the lines around it', () => {
    const { body, diagnostics } = splitIncidentBody(fileOf('## 発生原因\n\n前の段落。\n### 小見出し\n後の段落。\n\n## 再発防止策\n\n対策。\n'));
    expect(body.sections.cause?.markdown).toBe('前の段落。\n後の段落。');
    expect(diagnostics.map((d) => d.id)).toEqual(['unsupported-markup']);
  });

  it('gives a section with no lines an empty text', () => {
    const { body } = splitIncidentBody(fileOf('## 発生原因\n## 再発防止策\n\n対策。'));
    expect(body.sections.cause?.markdown).toBe('');
    expect(body.sections.prevention?.markdown).toBe('対策。');
  });

  it('gives every section the text of its own lines, whatever they hold', () => {
    // Lines that are never headings: a section's text is its lines joined and trimmed.
    const line = fc.string({ unit: fc.constantFrom('a', ' ', '\t', '原', '`', '~', '-', '\u3000'), maxLength: 12 }).filter((l) => !/^\s*(```|~~~)/.test(l));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(line, { maxLength: 8 }), (cause, prevention) => {
        const { body } = splitIncidentBody(fileOf(['## 発生原因', ...cause, '## 再発防止策', ...prevention].join('\n')));
        expect(body.sections.cause?.markdown).toBe(cause.join('\n').trim());
        expect(body.sections.prevention?.markdown).toBe(prevention.join('\n').trim());
      }),
      propertyRuns(200),
    );
  });
});
