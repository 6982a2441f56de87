import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeIfChanged } from '../write/atomic-write.js';
import { listedOutputs } from '../write/manifest.js';
import { normalizeIndex } from '../normalize/normalize-index.js';
import { reportIdOf } from '../normalize/normalize-report.js';
import { DEFAULT_COMMITTEE } from '../normalize/normalize-meeting.js';
import { keptFromLastGoodState } from './last-good-state.js';
import { publishedMeetingViews, renderSitePage, sitePageHtml, type SiteContext } from './site-context.js';

/** Writes output/index.html: every published meeting, newest first, with its downloads. */
export async function writeIndex(site: SiteContext): Promise<void> {
  const views = publishedMeetingViews(site);
  const committee = views[0]?.committee ?? DEFAULT_COMMITTEE;
  const reports = listedReports(site);
  // Only files that belong to the current record: a PDF left by an earlier build is not linked.
  const listed = listedOutputs(site.manifest);
  const view = normalizeIndex(
    committee,
    views,
    (name) => {
      const file = path.join(site.outDir, name);
      return listed.has(name) && existsSync(file) ? statSync(file).size : undefined;
    },
    reports,
  );
  const target = path.join(site.outDir, 'index.html');
  const markup = renderSitePage(site, 'index', view);
  if (markup === undefined) return;
  const html = sitePageHtml(site, 'index', markup, view.title, () => undefined);
  if (await writeIfChanged(target, html)) site.result.written.push(target);
}

/** Reports listed on the index: those of valid incidents, and those kept from their last good build. */
function listedReports(site: SiteContext): { id: string; title: string }[] {
  const reports: { id: string; title: string }[] = [];
  for (const record of site.project.incidents.values()) {
    if (!record.data.report) continue;
    const id = reportIdOf(record.id);
    const entry = site.manifest.meetings[id];
    if (site.current.has(id) && entry) entry.listing = { report: { incidentId: record.id, title: record.data.report.title } };
    reports.push({ id, title: entry?.listing?.report?.title ?? record.data.report.title });
  }
  for (const id of keptFromLastGoodState(site.project, site.manifest)) {
    const report = site.manifest.meetings[id].listing?.report;
    if (report) reports.push({ id, title: report.title });
  }
  return reports;
}
