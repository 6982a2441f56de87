import { statSync } from 'node:fs';
import path from 'node:path';
import { listedOutputs, siteFiles } from '../write/manifest.js';
import { normalizeIndex } from '../normalize/normalize-index.js';
import { DEFAULT_COMMITTEE } from '../normalize/normalize-meeting.js';
import { keptOf, publishedMeetingListings, renderSitePageByKey, sitePageHtml, writeSiteFile, type SiteContext } from './site-context.js';

/** Writes output/index.html: every published meeting, newest first, with its downloads. */
export async function writeIndex(site: SiteContext): Promise<void> {
  const views = publishedMeetingListings(site);
  const committee = views[0]?.committee ?? DEFAULT_COMMITTEE;
  const reports = listedByTitle(site);
  // Only files that belong to the current record: a PDF left by an earlier build is not linked.
  const listed = listedOutputs(site.manifest);
  const view = normalizeIndex(
    committee,
    views,
    (name) => (listed.has(name) ? statSync(path.join(site.outDir, name), { throwIfNoEntry: false })?.size : undefined),
    reports,
  );
  const target = path.join(site.outDir, siteFiles.index);
  // A save that changes no row and no size of a download (in KB) leaves the view as it was: nothing is rendered.
  const markup = renderSitePageByKey(site, 'index', JSON.stringify(view), view);
  if (markup === undefined) return;
  const html = sitePageHtml(site, 'index', markup, view.title, () => undefined);
  if (await writeSiteFile(site, target, html)) site.result.written.push(target);
}

/**
 * Documents the index lists by title (the kinds whose index entry is `reports`): those of valid records, and those
 * kept from their last good build.
 */
function listedByTitle(site: SiteContext): { id: string; title: string }[] {
  const reports: { id: string; title: string }[] = [];
  for (const [type, kind] of Object.entries(site.kinds)) {
    const publication = kind.publication;
    const index = publication?.index;
    if (!publication || index?.section !== 'reports') continue;
    for (const record of site.project.records.get(type)?.values() ?? []) {
      if (publication.publishes && !publication.publishes(record.data)) continue;
      const id = publication.outputId(record.id);
      const title = index.title(record.data);
      const entry = site.manifest.meetings[id];
      if (site.current.has(id) && entry) entry.listing = { report: { incidentId: record.id, title } };
      reports.push({ id, title: entry?.listing?.report?.title ?? title });
    }
  }
  for (const id of keptOf(site)) {
    const report = site.manifest.meetings[id].listing?.report;
    if (report) reports.push({ id, title: report.title });
  }
  return reports;
}
