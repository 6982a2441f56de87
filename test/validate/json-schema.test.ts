import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterJsonSchema } from '../../src/scaffold/json-schema.js';
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
    expect(incident.properties.region.title).toBe('影響地域');
    expect(incident.properties.region.description).toMatch(/^影響地域：.*不明・非公表・調査中も可/);
    expect(incident.required).toEqual(expect.arrayContaining(['type', 'classification']));
  });

  it('labels each key by where it stands, not by its name alone', () => {
    const incident = JSON.parse(frontMatterJsonSchema('incident')).definitions.incident;
    const service = incident.properties.classification.properties.services.items.properties;
    // A key named like a meeting's key is not labelled as the meeting's: services[].number is not 回.
    expect(service.number.title).toBe('役務の番号');
    expect(service.name.title).toBe('役務の名称');
    expect(incident.properties.revisions.items.properties.date.title).toBe('修正日');
    expect(incident.properties.occurrences.items.properties.occurredAt['x-kind']).toBe('datetime');
  });
});
