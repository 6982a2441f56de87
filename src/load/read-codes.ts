import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

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
export function readCodes(dataDir: string): Codes {
  const read = (name: string) => {
    const file = path.join(dataDir, 'codes', name);
    return existsSync(file) ? parse(readFileSync(file, 'utf8')) : undefined;
  };
  const classes = read('serious-accident-classes.yaml') ?? EMPTY.classes;
  const services = read('service-numbers.yaml') ?? EMPTY.services;
  // The code tables ship with the tool's data; a broken one is our bug, not a user's mistake.
  return codesSchema.parse({ classes, services });
}

/** The class table in force on an ISO date, if any. */
export function classTableAt(codes: Codes, isoDate: string): ClassTable | undefined {
  return [...codes.classes.tables]
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
    .find((t) => t.effectiveFrom <= isoDate);
}
