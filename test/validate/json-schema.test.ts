import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterJsonSchema } from '../../src/schema/json-schema.js';
import { repoRoot } from '../support/build-bundled.js';

describe('JSON Schemas for editors', () => {
  for (const type of ['meeting', 'incident'] as const) {
    it(`keeps data/schemas/${type}.schema.json in step with the zod schema (run "npx minutes schemas" after a change)`, async () => {
      const committed = await readFile(path.join(repoRoot, 'data/schemas', `${type}.schema.json`), 'utf8');
      expect(committed).toBe(frontMatterJsonSchema(type));
    });
  }

  it('forbids unknown keys and labels each key in Japanese', () => {
    const schema = JSON.parse(frontMatterJsonSchema('incident'));
    const incident = schema.definitions.incident;
    expect(incident.additionalProperties).toBe(false);
    expect(incident.properties.region.description).toBe('影響地域');
    expect(incident.required).toEqual(expect.arrayContaining(['type', 'occurrences', 'region', 'inquiries', 'classification']));
  });
});
