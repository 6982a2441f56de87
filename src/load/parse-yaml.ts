import { parse, parseDocument, type Document } from 'yaml';
import type { ParseStore } from './parse-store.js';
import { LineIndex } from './line-index.js';

export interface ParsedYaml {
  document: Document.Parsed;
  lines: LineIndex;
  data: unknown;
  /** Syntax errors with their offsets inside the YAML text. */
  errors: { message: string; code: string; offset: number; endOffset: number }[];
  tooComplex: boolean;
}

/** Most aliases one file may expand; keeps "billion laughs" files from eating memory. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML 1.2 core schema with positions. Nothing becomes a Date or a sexagesimal number,
 * duplicate keys are errors, and alias expansion is bounded.
 */
export function parseYaml(text: string): ParsedYaml {
  const document = parseDocument(text, {
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const errors = document.errors.map((error) => ({
    message: error.message.split('\n')[0],
    code: error.code,
    offset: error.pos[0],
    endOffset: error.pos[1],
  }));
  let data: unknown = undefined;
  let tooComplex = false;
  if (errors.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (error instanceof RangeError || (error instanceof Error && /alias/i.test(error.message))) {
        tooComplex = true;
      } else {
        throw error;
      }
    }
  }
  return { document, lines: new LineIndex(text), data, errors, tooComplex };
}

/**
 * The data of a YAML text that has no problem by construction (the code tables that ship with the tool's data): from
 * the store of clean parses when kept there (≈ 20 ms of a one-meeting build for the two tables), else parsed, a
 * syntax problem thrown, and kept. yaml's defaults read YAML 1.2 core with unique keys, as parseYaml does, so an entry
 * is the same data whichever of the two made it.
 */
export function parseTrustedYaml(text: string, store?: ParseStore): unknown {
  const kept = store?.get(text);
  if (kept) return kept.data;
  const data: unknown = parse(text);
  store?.put(text, data);
  return data;
}
