import type { ClassData, ClassEntryData } from '../schema/incident.js';
import { classEntries, splitClass } from '../schema/class-entries.js';
import { isStatusWord, readUncertain } from '../model/uncertain.js';
import type { DateTime } from '../model/date-time.js';

/**
 * The law's text of a class numeral in the table in force on a date, with that table's first day (from
 * data/codes/serious-accident-classes.yaml).
 */
export type ClassTextLookup = (numeral: string, at: DateTime | undefined) => { text: string; table: string } | undefined;

/** A class as the register counts it: the numeral within the table version it belongs to. */
export interface ClassKey {
  numeral: string;
  /** effectiveFrom of the table in force at the occurrence date; undefined where no table is known. */
  table?: string;
}

/**
 * The printed lines of the 区分: each class as written; a bare numeral with the law's text (「一」 alone would read as
 * a dash); a status word (調査中, 不明, 非公表) as it is.
 */
export function classLines(input: ClassData, at: DateTime | undefined, lookup?: ClassTextLookup): string[] {
  const read = readUncertain<string | ClassEntryData[]>(input);
  const note = read.note ? [read.note] : [];
  const status = read.known && read.status ? `（${read.status}）` : '';
  const lines = classEntries(input).map((entry) => {
    if (isStatusWord(entry)) return entry;
    const split = splitClass(entry);
    if (!split || split.text) return entry;
    const found = lookup?.(split.numeral, at);
    return found ? `${split.numeral} ${found.text}` : `区分${split.numeral}`;
  });
  return [...lines.map((line) => `${line}${status}`), ...note];
}

/** The classes of an incident as the register counts them; a status (調査中 …) counts as its word. */
export function classKeys(input: ClassData, at: DateTime | undefined, lookup?: ClassTextLookup): ClassKey[] {
  return classEntries(input).map((entry) => {
    const numeral = isStatusWord(entry) ? entry : (splitClass(entry)?.numeral ?? '－');
    const table = at && !isStatusWord(entry) && at.relativeDay === undefined ? lookup?.(numeral, at)?.table : undefined;
    return { numeral, ...(table && { table }) };
  });
}
