import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ParseStore } from '../../load/parse-store.js';
import { parseStructuredFile } from '../../load/read-source.js';
import { validateFrontMatter } from '../../validate/validate-front-matter.js';
import { styleMapSchema, type StyleMap } from './style-map.js';

/** Reads templates/style-map.json: the one home of the Word look. Throws on a broken one (see readStyleMap). */
export function loadStyleMap(templatesDir: string): StyleMap {
  const { styleMap, diagnostics } = readStyleMap(templatesDir);
  if (!styleMap) throw new Error(`templates/style-map.json: ${diagnostics.map((d) => d.en).join('; ')}`);
  return styleMap;
}

/** Reads and checks templates/style-map.json; every problem becomes a located diagnostic on that file. */
export function readStyleMap(templatesDir: string, shownPath = path.join(templatesDir, 'style-map.json'), store?: ParseStore): { styleMap?: StyleMap; diagnostics: Diagnostic[] } {
  const absolute = path.join(templatesDir, 'style-map.json');
  const file = parseStructuredFile(shownPath, absolute, readFileSync(absolute, 'utf8'), store);
  if (file.diagnostics.length) return { diagnostics: file.diagnostics };
  const { value, diagnostics } = validateFrontMatter<StyleMap>(file, styleMapSchema);
  return value ? { styleMap: value, diagnostics: [] } : { diagnostics };
}
