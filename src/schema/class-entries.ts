import { readUncertain } from '../model/uncertain.js';
import type { ClassData, ClassEntryData } from './incident.js';

/** 「五 一の項から…」, 「五一の項から…」 (no space) or 「五」; not 「一の項から…」, which starts with the text itself. */
const NUMERAL = /^\s*([一二三四五六七八九十]+)(?![の項])[\s　]*(.*)$/s;

/** Splits 「五 一の項から…」 into its numeral and text; undefined for a status word or free text. */
export function splitClass(entry: string): { numeral: string; text?: string } | undefined {
  const match = NUMERAL.exec(entry);
  if (!match) return undefined;
  return { numeral: match[1], ...(match[2] && { text: match[2].trim() }) };
}

/** The classes of an incident as one list, whether the data gives one, several, or a status (不明, 非公表 …). */
export function classEntries(input: ClassData): ClassEntryData[] {
  const read = readUncertain<string | ClassEntryData[]>(input);
  if (!read.known) return [read.status];
  return Array.isArray(read.value) ? read.value : [read.value];
}
