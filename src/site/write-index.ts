import { statSync } from 'node:fs';
import path from 'node:path';
import { listedOutputs, siteFiles } from '../write/manifest.js';
import { downloadsOf, normalizeIndex, type DownloadView } from '../normalize/normalize-index.js';
import { DEFAULT_COMMITTEE } from '../normalize/normalize-meeting.js';
import { hasOutput, keptOf, publishedMeetingListings, renderSitePageByKey, sitePageHtml, writeSiteFile, type SiteContext } from './site-context.js';

/** Writes output/index.html: every published meeting, newest first, with its downloads. */
export async function writeIndex(site: SiteContext): Promise<void> {
  const views = publishedMeetingListings(site);
  const committee = views[0]?.committee ?? DEFAULT_COMMITTEE;
  // Only files that belong to the current record: a PDF left by an earlier build is not linked.
  let listed: Set<string> | undefined;
  const fileSize = (name: string) => ((listed ??= listedOutputs(site.manifest)).has(name) ? statSync(path.join(site.outDir, name), { throwIfNoEntry: false })?.size : undefined);
  const reports = listedByTitle(site).filter((report) => hasOutput(site, report.id, `${report.id}.html`) || fileSize(`${report.id}.html`) !== undefined);
  const memo = site.caches.index;
  const view = normalizeIndex(committee, views, (id) => downloadsOfDocument(site, id, fileSize), reports, memo);
  const target = path.join(site.outDir, siteFiles.index);
  // A save that changes no row and no size of a download (in KB) leaves the view as it was (the same object, whose
  // JSON is kept): nothing is rendered.
  const key = memo.json?.view === view ? memo.json.key : JSON.stringify(view);
  memo.json = { view, key };
  const markup = renderSitePageByKey(site, 'index', key, view);
  if (markup === undefined) return;
  const html = sitePageHtml(site, 'index', markup, view.title, () => undefined);
  if (await writeSiteFile(site, target, html)) site.result.written.push(target);
}

/**
 * A document's downloads on the index. Those of a document up to date are kept with its manifest entry, which a
 * rebuild replaces (manifest.ts recordOutputs): its files are looked at once per build that wrote them.
 */
function downloadsOfDocument(site: SiteContext, id: string, fileSize: (name: string) => number | undefined): DownloadView[] {
  const entry = site.manifest.meetings[id];
  const kept = site.caches.downloads;
  const known = kept.get(id);
  const current = entry !== undefined && site.current.has(id);
  if (current && known?.entry === entry && known.outDir === site.outDir) return known.downloads;
  const downloads = downloadsOf(id, fileSize);
  if (current) kept.set(id, { outDir: site.outDir, entry, downloads });
  else kept.delete(id);
  return downloads;
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
