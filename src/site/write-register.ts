import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeIfChanged } from '../write/atomic-write.js';
import { normalizeRegister, type RegisterEntry, type RegisterView } from '../normalize/normalize-register.js';
import { writeCsv } from '../write/csv/write-csv.js';
import { csvCell, registerColumns } from './register-columns.js';
import { REGISTER_FORMAT_VERSION, REGISTER_SCHEMA_FILE, registerJsonSchema } from './register-schema.js';
import { describeBarChart, writeBarChartSvg, type BarChartData } from '../write/svg/bar-chart.js';
import { publishedMeetingListings, renderSitePage, sitePageHtml, type SiteContext } from './site-context.js';
import { siteFiles } from '../write/manifest.js';

const CHART = siteFiles.registerChart;

/**
 * Writes the incident register: incidents.html (with a chart and its data table), incidents.csv, incidents.json and
 * its JSON Schema, all from the columns in register-columns.ts.
 */
export async function writeRegister(site: SiteContext): Promise<void> {
  const view = normalizeRegister(publishedMeetingListings(site), { incidentData: (id) => site.project.incidents.get(id)?.data, codes: site.project.codes });
  const last = site.caches.register;
  const same = last && last.outDir === site.outDir && last.templates === site.templates && last.layout === site.layout;
  // The view's key (≈ 5 MB at 1000 meetings) is made before the register's files only when they may be reused, else
  // after them, so that it is not alive beside them.
  let key = same ? JSON.stringify(view) : undefined;
  const known = same && last.key === key ? last : undefined;
  let files = known?.files;
  let diagnostics = known?.diagnostics;
  if (files && diagnostics) {
    site.result.diagnostics.push(...diagnostics);
  } else {
    const before = site.result.diagnostics.length;
    files = registerFiles(site, view);
    diagnostics = site.result.diagnostics.slice(before);
  }
  key ??= JSON.stringify(view);
  site.caches.register = { key, outDir: site.outDir, templates: site.templates, layout: site.layout, files, diagnostics };
  for (const [name, content] of files) {
    const target = path.join(site.outDir, name);
    // Unchanged since this process wrote it: only a file removed meanwhile is written again.
    if (known && existsSync(target)) continue;
    if (await writeIfChanged(target, content)) site.result.written.push(target);
  }
}

function registerFiles(site: SiteContext, view: RegisterView): (readonly [string, string])[] {
  const chart: BarChartData = {
    title: '発生年度別・区分別の事故件数',
    categories: view.counts.map((c) => c.fiscalYearLabel),
    series: view.classNumerals.map((numeral) => ({
      name: `区分${numeral}`,
      values: view.counts.map((c) => c.byClass.find((b) => b.numeral === numeral)?.count ?? 0),
    })),
  };
  const columns = registerColumns.filter((c) => c.page).map((c) => ({ header: c.header }));
  const rows = view.entries.map((entry) => ({ cells: registerColumns.flatMap((c) => (c.page ? [{ lines: c.page(entry) }] : [])) }));
  // A class whose table was not in force that year has no count: 「－」, not 0.
  const shownCounts = view.counts.map((c) => ({ ...c, byClass: c.byClass.map((b) => ({ ...b, shown: b.count === null ? '－' : String(b.count) })) }));
  const markup = renderSitePage(site, 'register', { title: view.title, counts: shownCounts, classNumerals: view.classNumerals, columns, rows, chartSrc: CHART, chartAlt: describeBarChart(chart) });
  // A mistake in register.hbs keeps the whole register as it was: its page, CSV, JSON and chart belong together.
  if (markup === undefined) return [];
  const html = sitePageHtml(site, 'register', markup, view.title, (src) => (src === CHART ? CHART : undefined));
  const csvColumns = registerColumns.filter((c) => c.csv !== false);
  // A row whose record is broken now keeps what the last register published for it (its last good state); the last
  // register (≈ 7 MB at 1000 meetings) is read only when there is such a row.
  let previous: Map<string, Record<string, unknown>> | undefined;
  const rowOf = (entry: RegisterEntry) =>
    (entry.fromView ? (previous ??= previousRows(site.outDir)).get(entry.id) : undefined) ?? Object.fromEntries(registerColumns.map((c) => [c.key, c.value(entry)]));
  const incidents = view.entries.map(rowOf);
  const csv = writeCsv(
    csvColumns.map((c) => c.header),
    incidents.map((row) => csvColumns.map((c) => csvCell(row[c.key] as ReturnType<typeof c.value>))),
  );
  const json = `${JSON.stringify({ $schema: REGISTER_SCHEMA_FILE, version: REGISTER_FORMAT_VERSION, title: view.title, counts: view.counts, incidents }, null, 2)}\n`;
  return [
    [siteFiles.register, html],
    [CHART, writeBarChartSvg(chart)],
    [siteFiles.registerCsv, csv],
    [siteFiles.registerJson, json],
    [REGISTER_SCHEMA_FILE, `${JSON.stringify(registerJsonSchema(), null, 2)}\n`],
  ];
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
