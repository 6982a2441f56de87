import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnosticsText } from '../diagnostics/format-text.js';
import { readCodes } from '../load/read-codes.js';
import { importDiagnostics } from './import-diagnostics.js';
import { importMinutes } from './import-minutes.js';
import { linkExistingIncidents, readExistingIncidents } from './link-incidents.js';
import { formatImportReport, importReportJson, type FileReport } from './import-report.js';
import { importFormatOf, readImportText } from './read-import-text.js';
import { renderIncident, renderMeeting } from './render-records.js';
import { existingTargets, writeRecords, type PlannedFile } from './write-records.js';

export const IMPORT_USAGE = 'minutes import FILE… [--out DIR] [--force] [--json] [--lang ja|en]   (.txt / .pdf / .docx → DIR/meetings/, DIR/incidents/; DIR defaults to data)';

export interface ImportCommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Thrown for bad arguments; the CLI prints the message with the usage and exits 2. */
export class ImportUsageError extends Error {}

/**
 * `minutes import`: reads each file, writes its meeting and incident records into DIR (never over an existing id
 * unless --force), and returns the report and the located warnings as text (or JSON). Touches no console.
 */
export async function runImport(argv: string[], context: { cwd: string; toolDataDir: string }): Promise<ImportCommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'data' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'ja' },
    },
  });
  const lang = values.lang;
  if (lang !== 'ja' && lang !== 'en') throw new ImportUsageError(`--lang は ja か en です / --lang must be ja or en: ${lang}`);
  if (!positionals.length) throw new ImportUsageError(`取り込むファイルを指定してください / name the files to import\n${IMPORT_USAGE}`);
  const files = positionals.map((f) => path.resolve(context.cwd, f));
  for (const f of files) importFormatOf(f);
  const dataDir = path.resolve(context.cwd, values.out);
  const own = readCodes(dataDir);
  const codes = own.classes.tables.length ? own : readCodes(context.toolDataDir);

  const reports: FileReport[] = [];
  const texts = new Map<string, string>();
  for (const file of files) {
    const { text, tables } = await readImportText(file);
    const input = path.relative(context.cwd, file) || file;
    texts.set(input, text);
    // A second meeting on an incident already recorded refers to that record (not with --force: it writes all, as before).
    const imported = importMinutes(text, input, codes, tables);
    const { result, linked } = values.force ? { result: imported, linked: new Map<string, string>() } : linkExistingIncidents(imported, readExistingIncidents(dataDir));
    const planned: PlannedFile[] = [
      { relativePath: path.join('meetings', `${result.meeting.id}.md`), text: renderMeeting(result) },
      ...result.incidents.filter((i) => !linked.has(i.id)).map((i) => ({ relativePath: path.join('incidents', `${i.id}.md`), text: renderIncident(input, i) })),
    ];
    // Neither a 議事要旨 title nor a numbered agenda item: not minutes (a report, a notice); nothing is written.
    const recognised = result.documentKind !== undefined || result.meeting.agenda.length > 0;
    const blockedBy = values.force || !recognised ? [] : existingTargets(dataDir, planned);
    const written = blockedBy.length || !recognised ? [] : await writeRecords(dataDir, planned);
    reports.push({ input: file, format: importFormatOf(file), result, recognised, written, blockedBy, linked, diagnostics: importDiagnostics(result, text) });
  }
  const diagnostics = reports.flatMap((r) => r.diagnostics);
  const code = reports.some((r) => r.blockedBy.length || !r.recognised) ? 1 : 0;
  if (values.json) return { code, stdout: `${importReportJson(reports, context.cwd)}\n`, stderr: '' };
  const stderr = diagnostics.length ? `${formatDiagnosticsText(diagnostics, lang, (f) => texts.get(f))}\n` : '';
  return { code, stdout: formatImportReport(reports, lang, context.cwd), stderr };
}
