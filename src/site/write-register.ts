import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeRegister, type RegisterEntry, type RegisterView } from '../normalize/normalize-register.js';
import { csvRecord, joinCsvRecords } from '../write/csv/write-csv.js';
import { csvCell, registerColumns } from './register-columns.js';
import type { RegisterRowMemo } from './site-caches.js';
import { REGISTER_FORMAT_VERSION, REGISTER_SCHEMA_FILE, registerJsonSchema } from './register-schema.js';
import { describeBarChart, writeBarChartSvg, type BarChartData } from '../write/svg/bar-chart.js';
import { publishedMeetingListings, renderSitePage, sitePageHtml, writeSiteFile, type SiteContext } from './site-context.js';
import { siteFiles } from '../write/manifest.js';
import { sameItems } from '../model/same-items.js';

const CHART = siteFiles.registerChart;

/**
 * Writes the incident register: incidents.html (with a chart and its data table), incidents.csv, incidents.json and
 * its JSON Schema, all from the columns in register-columns.ts. In a watch, only the entries of changed incidents are
 * made again, and a row's CSV record and JSON text are kept by its entry's content (site-caches.ts).
 */
export async function writeRegister(site: SiteContext): Promise<void> {
  const memo = site.caches.registerRows;
  const view = normalizeRegister(publishedMeetingListings(site), { incidentData: (id) => site.project.incidents.get(id)?.data, codes: site.project.codes }, memo.entries);
  const last = site.caches.register?.outDir === site.outDir ? site.caches.register : undefined;
  // The view's content, as the JSON of its parts: an entry's JSON is made once per entry object. The same view object
  // (normalizeRegister keeps its last) has the same key.
  const key =
    last?.view === view ? last.key : [JSON.stringify({ title: view.title, counts: view.counts, classNumerals: view.classNumerals }), ...view.entries.map((entry) => entryJson(entry, memo))];
  const known = last && last.templates === site.templates && last.layout === site.layout && sameItems(last.key, key) ? last : undefined;
  let files = known?.files;
  let diagnostics = known?.diagnostics;
  if (files && diagnostics) {
    site.result.diagnostics.push(...diagnostics);
  } else {
    const before = site.result.diagnostics.length;
    files = registerFiles(site, view, key.slice(1));
    diagnostics = site.result.diagnostics.slice(before);
  }
  site.caches.register = { view, key, outDir: site.outDir, templates: site.templates, layout: site.layout, files, diagnostics };
  for (const [name, content] of files) {
    const target = path.join(site.outDir, name);
    if (await writeSiteFile(site, target, content)) site.result.written.push(target);
  }
}

function entryJson(entry: RegisterEntry, memo: RegisterRowMemo): string {
  let json = memo.json.get(entry);
  if (json === undefined) memo.json.set(entry, (json = JSON.stringify(entry)));
  return json;
}


/** The register's files from its view; `keys`: each entry's JSON, by which its row's texts are kept. */
function registerFiles(site: SiteContext, view: RegisterView, keys: readonly string[]): (readonly [string, string | Uint8Array])[] {
  const chart: BarChartData = {
    title: '発生年度別・区分別の事故件数',
    categories: view.counts.map((c) => c.fiscalYearLabel),
    series: view.classNumerals.map((numeral) => ({
      name: `区分${numeral}`,
      values: view.counts.map((c) => c.byClass.find((b) => b.numeral === numeral)?.count ?? 0),
    })),
  };
  const columns = registerColumns.filter((c) => c.page).map((c) => ({ header: c.header }));
  const csvColumns = registerColumns.filter((c) => c.csv !== false);
  // A row whose record is broken now keeps what the last register published for it (its last good state); the last
  // register (≈ 7 MB at 1000 meetings) is read only when there is such a row. Such a row is not kept.
  let previous: Map<string, Record<string, unknown>> | undefined;
  const memo = site.caches.registerRows;
  const rows = view.entries.map((entry, i) => {
    const kept = entry.fromView ? undefined : memo.rows.get(keys[i]);
    if (kept) return kept;
    const row = (entry.fromView ? (previous ??= previousRows(site.outDir)).get(entry.id) : undefined) ?? Object.fromEntries(registerColumns.map((c) => [c.key, c.value(entry)]));
    return {
      cells: registerColumns.flatMap((c) => (c.page ? [{ lines: c.page(entry) }] : [])),
      csv: csvRecord(csvColumns.map((c) => csvCell(row[c.key] as ReturnType<typeof c.value>))),
      json: registerRowJson(row),
    };
  });
  memo.rows = new Map(view.entries.flatMap((entry, i) => (entry.fromView ? [] : [[keys[i], rows[i]] as const])));
  // A class whose table was not in force that year has no count: 「－」, not 0.
  const shownCounts = view.counts.map((c) => ({ ...c, byClass: c.byClass.map((b) => ({ ...b, shown: b.count === null ? '－' : String(b.count) })) }));
  const markup = renderSitePage(site, 'register', {
    title: view.title,
    counts: shownCounts,
    classNumerals: view.classNumerals,
    columns,
    rows: rows.map(({ cells }) => ({ cells })),
    chartSrc: CHART,
    chartAlt: describeBarChart(chart),
  });
  // A mistake in register.hbs keeps the whole register as it was: its page, CSV, JSON and chart belong together.
  if (markup === undefined) return [];
  const html = sitePageHtml(site, 'register', markup, view.title, (src) => (src === CHART ? CHART : undefined));
  const csv = joinCsvRecords([csvRecord(csvColumns.map((c) => c.header)), ...rows.map((row) => row.csv)]);
  const json = registerJson({ $schema: REGISTER_SCHEMA_FILE, version: REGISTER_FORMAT_VERSION, title: view.title, counts: view.counts }, rows.map((row) => row.json));
  return [
    [siteFiles.register, html],
    [CHART, writeBarChartSvg(chart)],
    [siteFiles.registerCsv, csv],
    [siteFiles.registerJson, json],
    [REGISTER_SCHEMA_FILE, `${JSON.stringify(registerJsonSchema(), null, 2)}\n`],
  ];
}

/** A row of incidents.json as `JSON.stringify(register, null, 2)` prints it inside the `incidents` list, in UTF-8. */
function registerRowJson(row: Record<string, unknown>): Uint8Array {
  return Buffer.from(`    ${JSON.stringify(row, null, 2).replace(/\n/g, '\n    ')}`);
}

/**
 * incidents.json: `JSON.stringify({ ...head, incidents }, null, 2)`, with each row's bytes made by registerRowJson
 * (kept between the builds of a watch, and joined as bytes: joining ≈ 0.6 M characters of text and encoding them took
 * ≈ 10 ms). A string's line breaks are escaped in JSON, so every line break is the printer's.
 */
function registerJson(head: Record<string, unknown>, rows: readonly Uint8Array[]): Uint8Array {
  if (rows.length === 0) return Buffer.from(`${JSON.stringify({ ...head, incidents: [] }, null, 2)}\n`);
  const separator = Buffer.from(',\n');
  const parts: Uint8Array[] = [Buffer.from(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "incidents": [\n`)];
  for (const [i, row] of rows.entries()) parts.push(...(i === 0 ? [row] : [separator, row]));
  parts.push(Buffer.from('\n  ]\n}\n'));
  return Buffer.concat(parts);
}

/** The rows of the register this output folder published last, by incident id (none when absent or unreadable). */
function previousRows(outDir: string): Map<string, Record<string, unknown>> {
  try {
    const published = JSON.parse(readFileSync(path.join(outDir, siteFiles.registerJson), 'utf8')) as { incidents?: Record<string, unknown>[] };
    return new Map((published.incidents ?? []).map((row) => [String(row.id), row]));
  } catch {
    return new Map();
  }
}
