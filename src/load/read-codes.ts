import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { compareOrdinal } from '../model/compare-ordinal.js';
import { toIsoDate, type CalendarDate } from '../model/date-time.js';
import type { ParseStore } from './parse-store.js';
import { parseTrustedYaml } from './parse-yaml.js';
import { mayHaveChanged, type ChangedPaths } from './changed-paths.js';

const classTable = z.object({
  effectiveFrom: z.string(),
  confirmed: z.string().optional(),
  classes: z.array(
    z.object({
      numeral: z.string(),
      text: z.string(),
      thresholds: z.array(z.object({ hours: z.number(), users: z.number() })).optional(),
    }),
  ),
});

const codesSchema = z.object({
  classes: z.object({ tables: z.array(classTable) }),
  services: z.object({ services: z.array(z.object({ number: z.number(), name: z.string() })) }),
});

export type Codes = z.infer<typeof codesSchema>;
export type ClassTable = z.infer<typeof classTable>;

const EMPTY: Codes = { classes: { tables: [] }, services: { services: [] } };

/** Reads data/codes/ (重大な事故 classes with effective dates, service numbers). Missing files mean no checks. */
/** The tables last read by a build session (minutes watch reads them on every save): the same texts give the same object. */
export interface CodesMemo {
  last?: { dataDir: string; texts: readonly (string | undefined)[]; codes: Codes };
}

const CODE_FILES = ['serious-accident-classes.yaml', 'service-numbers.yaml'] as const;

/**
 * `changed`: what may have changed since the memo's tables were read (a watch's folder events); the tables are taken
 * as they were, without reading them, when it names neither.
 */
export function readCodes(dataDir: string, memo: CodesMemo = {}, store?: ParseStore, changed?: ChangedPaths): Codes {
  const files = CODE_FILES.map((name) => path.join(dataDir, 'codes', name));
  const last = memo.last;
  if (last && last.dataDir === dataDir && !files.some((file) => mayHaveChanged(changed, file))) return last.codes;
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);
  const texts = files.map(read);
  if (last && last.texts.every((text, i) => text === texts[i])) return (memo.last = { ...last, dataDir }).codes;
  const [classes, services] = texts.map((text) => (text === undefined ? undefined : parseTrustedYaml(text, store)));
  // The code tables ship with the tool's data; a broken one is our bug, not a user's mistake.
  const codes = codesSchema.parse({ classes: classes ?? EMPTY.classes, services: services ?? EMPTY.services });
  memo.last = { dataDir, texts, codes };
  return codes;
}

/** The class table in force on an ISO date, if any. */
export function classTableAt(codes: Codes, isoDate: string): ClassTable | undefined {
  return [...codes.classes.tables]
    .sort((a, b) => compareOrdinal(b.effectiveFrom, a.effectiveFrom))
    .find((t) => t.effectiveFrom <= isoDate);
}

/** The law's text of a class numeral in the table in force at a date, and that table's first day. */
export function classTextLookup(codes: Codes): (numeral: string, at: CalendarDate | undefined) => { text: string; table: string } | undefined {
  return (numeral, at) => {
    // Without a date no table is in force: the numeral is printed alone (区分五) rather than a guessed text.
    const table = at ? classTableAt(codes, toIsoDate(at)) : undefined;
    const text = table?.classes.find((c) => c.numeral === numeral)?.text;
    return table && text ? { text, table: table.effectiveFrom } : undefined;
  };
}
