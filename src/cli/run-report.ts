import { z } from 'zod';

const position = z.object({ line: z.number().int().min(1), column: z.number().int().min(1) }).strict();
const bilingual = z.object({ ja: z.string(), en: z.string() }).strict();

const diagnosticSchema = z
  .object({
    id: z.string().describe('Stable kebab-case id of the problem (see the catalogue)'),
    severity: z.enum(['error', 'warning', 'info']),
    file: z.string().describe('Path of the file, relative to the folder the command ran in'),
    start: position,
    end: position,
    ja: z.string(),
    en: z.string(),
    hint: bilingual.optional(),
    actual: z.string().optional(),
    expected: z.string().optional(),
  })
  .strict();

/** The one JSON document `minutes check --json` and `minutes build --json` print. Its JSON Schema is generated from this. */
export const runReportSchema = z
  .object({
    tool: z.object({ name: z.literal('minutes'), version: z.string() }).strict(),
    command: z.enum(['check', 'build']),
    exitCode: z.number().int().describe('The exit code of the run: 0 ok, 1 data errors (or warnings with --strict), 3 template errors'),
    elapsedMs: z.number().int().min(0),
    counts: z
      .object({
        files: z.number().int().min(0).optional().describe('Data files checked (check)'),
        errors: z.number().int().min(0),
        warnings: z.number().int().min(0),
        infos: z.number().int().min(0),
        written: z.number().int().min(0).optional().describe('Files written (build)'),
        unchanged: z.number().int().min(0).optional().describe('Documents whose inputs did not change (build)'),
        refused: z.number().int().min(0).optional().describe('Documents not written because of errors; earlier outputs kept (build)'),
      })
      .strict(),
    nothingChanged: z.boolean().optional().describe('build: no input changed since the last run, so nothing was read or written'),
    diagnostics: z.array(diagnosticSchema),
    outputs: z.array(z.object({ path: z.string(), status: z.literal('written') }).strict()).optional(),
    unchanged: z.array(z.string()).optional().describe('Ids of the documents left as they were'),
    refused: z.array(z.object({ id: z.string(), reason: z.string() }).strict()).optional(),
  })
  .strict();

export type RunReport = z.infer<typeof runReportSchema>;

/** The JSON Schema of the report (draft 2020-12 style), as committed in schemas/minutes-report.schema.json. */
export async function runReportJsonSchema(): Promise<string> {
  const { zodToJsonSchema } = await import('zod-to-json-schema');
  const schema = zodToJsonSchema(runReportSchema, { name: 'MinutesRunReport', $refStrategy: 'none' });
  return `${JSON.stringify({ $id: 'minutes-report.schema.json', title: 'minutes check --json / build --json', ...schema }, null, 2)}\n`;
}
