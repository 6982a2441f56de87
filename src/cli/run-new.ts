import { existsSync } from 'node:fs';
import path from 'node:path';
import { documentTypes, type DocumentTypeName } from '../document-types.js';
import { parseIsoDate } from '../model/date-time.js';
import { loadProject } from '../pipeline.js';
import { operatorSlugOf, scaffoldIncident, scaffoldMeeting } from '../scaffold/new-file.js';
import { writeFileAtomic } from '../write/atomic-write.js';
import { UsageError, type CliRun } from './cli-run.js';

/** minutes new meeting|incident: a file with every field explained, in the run's language. */
export async function runNew(run: CliRun): Promise<number> {
  const [kind, slug] = run.inputs;
  if (kind !== 'meeting' && kind !== 'incident') {
    throw new UsageError({ ja: 'meeting か incident を指定してください', en: 'name what to create: meeting or incident' }, run.command);
  }
  const today = typeof run.values.date === 'string' ? run.values.date : new Date(run.clock().getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  const date = parseIsoDate(today);
  if (!date) throw new UsageError({ ja: `--date は 2025-06-12 の形式です: ${today}`, en: `--date must look like 2025-06-12: ${today}` }, run.command);
  const operator = slug === undefined ? undefined : operatorSlugOf(slug);
  if (kind === 'incident' && !operator) {
    const given = slug ? `（「${slug}」からは作れません）` : '';
    throw new UsageError(
      {
        ja: `minutes new incident には事業者の略称（英小文字・数字・-）が必要です。例: minutes new incident kddi --date 2025-04-26${given}`,
        en: `minutes new incident needs the operator's slug (a-z, 0-9, -), e.g. minutes new incident kddi --date 2025-04-26`,
      },
      run.command,
    );
  }
  const project = await loadProject({ cwd: run.cwd, dataDir: run.settings.dataDir });
  const made = kind === 'meeting' ? scaffoldMeeting(project, date, run.lang) : scaffoldIncident(project.dataDir, date, operator!, run.lang);
  const target = path.join(project.dataDir, made.relativePath);
  if (existsSync(target)) throw new UsageError({ ja: `既にあります: ${path.relative(run.cwd, target)}`, en: `already exists: ${path.relative(run.cwd, target)}` }, run.command);
  await writeFileAtomic(target, made.text);
  run.io.out(`${run.lang === 'ja' ? '作成' : 'created'}  ${path.relative(run.cwd, target)}\n`);
  return 0;
}

/** minutes schemas: JSON Schemas of the front matter for editors. */
export async function runSchemas(run: CliRun): Promise<number> {
  const { frontMatterJsonSchema } = await import('../scaffold/json-schema.js');
  for (const type of Object.keys(documentTypes) as DocumentTypeName[]) {
    const target = path.join(run.settings.dataDir, 'schemas', `${type}.schema.json`);
    await writeFileAtomic(target, frontMatterJsonSchema(type));
    run.io.out(`${run.lang === 'ja' ? '書き出し' : 'wrote'}  ${path.relative(run.cwd, target)}\n`);
  }
  return 0;
}
