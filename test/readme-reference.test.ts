/**
 * The README's key reference is generated from the schema's field descriptions (src/schema/field-reference.ts), so it
 * cannot fall behind the tool. UPDATE=1 rewrites it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentTypes } from '../src/document-types.js';
import { fieldReference } from '../src/schema/field-reference.js';
import { repoRoot } from './support/build-bundled.js';

const readmeFile = path.join(repoRoot, 'README.md');

describe('the README reference of every key', () => {
  for (const type of ['incident', 'meeting'] as const) {
    it(`lists every ${type} key as the schema describes it`, async () => {
      const readme = await readFile(readmeFile, 'utf8');
      const start = `<!-- reference:${type} -->\n`;
      const end = `<!-- /reference:${type} -->`;
      const from = readme.indexOf(start) + start.length;
      const to = readme.indexOf(end);
      expect(from).toBeGreaterThan(start.length - 1);
      const generated = `${fieldReference(documentTypes[type].schema)}\n`;
      if (process.env.UPDATE === '1') await writeFile(readmeFile, `${readme.slice(0, from)}${generated}${readme.slice(to)}`);
      else expect(readme.slice(from, to)).toBe(generated);
    });
  }
});
