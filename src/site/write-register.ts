import { existsSync } from 'node:fs';
import path from 'node:path';
import { writeIfChanged } from '../write/atomic-write.js';
import { normalizeRegister, type RegisterView } from '../normalize/normalize-register.js';
import { writeCsv } from '../write/csv/write-csv.js';
import { describeBarChart, writeBarChartSvg, type BarChartData } from '../write/svg/bar-chart.js';
import { publishedMeetingViews, renderSitePage, sitePageHtml, type SiteContext } from './site-context.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

const CHART = 'incidents-by-year.svg';

/** Writes the incident register: incidents.html (with a chart and its data table), incidents.csv, incidents.json. */
export async function writeRegister(site: SiteContext): Promise<void> {
  const view = normalizeRegister(publishedMeetingViews(site));
  const key = JSON.stringify(view);
  const known = last && last.outDir === site.outDir && last.templates === site.templates && last.layout === site.layout && last.key === key ? last : undefined;
  let files = known?.files;
  let diagnostics = known?.diagnostics;
  if (files && diagnostics) {
    site.result.diagnostics.push(...diagnostics);
  } else {
    const before = site.result.diagnostics.length;
    files = registerFiles(site, view);
    diagnostics = site.result.diagnostics.slice(before);
  }
  last = { key, outDir: site.outDir, templates: site.templates, layout: site.layout, files, diagnostics };
  for (const [name, content] of files) {
    const target = path.join(site.outDir, name);
    // Unchanged since this process wrote it: only a file removed meanwhile is written again.
    if (known && existsSync(target)) continue;
    if (await writeIfChanged(target, content)) site.result.written.push(target);
  }
}

/** The register of the last build: a watch save that changes nothing the register shows reuses its files. */
let last: { key: string; outDir: string; templates: SiteContext['templates']; layout: string; files: (readonly [string, string])[]; diagnostics: Diagnostic[] } | undefined;

function registerFiles(site: SiteContext, view: RegisterView): (readonly [string, string])[] {
  const chart: BarChartData = {
    title: '発生年度別・区分別の事故件数',
    categories: view.counts.map((c) => c.fiscalYearLabel),
    series: view.classNumerals.map((numeral) => ({
      name: `区分${numeral}`,
      values: view.counts.map((c) => c.byClass.find((b) => b.numeral === numeral)?.count ?? 0),
    })),
  };
  const markup = renderSitePage(site, 'register', { ...view, chartSrc: CHART, chartAlt: describeBarChart(chart) });
  // A mistake in register.hbs keeps the whole register as it was: its page, CSV, JSON and chart belong together.
  if (markup === undefined) return [];
  const html = sitePageHtml(site, 'register', markup, view.title, (src) => (src === CHART ? CHART : undefined));
  const csv = writeCsv(
    ['年度', '事業者名', '発生日時', '継続時間', '影響利用者数', '影響地域', '区分', '区分の文言', '影響を与えた電気通信役務', '検証した会議', '会議のページ', '事故報告のページ', '事故ID'],
    view.rows.map((r) => [
      r.fiscalYearLabel,
      r.operators.join('／'),
      r.occurredAt.join('／'),
      r.duration.join('／'),
      r.affectedUsers.join('／'),
      r.region,
      r.classNumeral,
      r.classText,
      r.services.join('／'),
      r.meetingLabel,
      r.meetingHref,
      r.reportHref,
      r.incidentId,
    ]),
  );
  const json = `${JSON.stringify({ counts: view.counts, incidents: view.rows }, null, 2)}\n`;
  return [
    ['incidents.html', html],
    [CHART, writeBarChartSvg(chart)],
    ['incidents.csv', csv],
    ['incidents.json', json],
  ];
}
