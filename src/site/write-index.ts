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
  let listed: Set<string> | undefined;
  const changed = new Set([...site.result.written, ...site.result.removed].map((file) => path.relative(site.outDir, file)));
  const memo = site.caches.index;
  const view = normalizeIndex(committee, views, (name) => downloadSize(site, name, changed, () => (listed ??= listedOutputs(site.manifest))), reports, memo);
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
 * The size of a file the index links to, undefined when it is not there. A document up to date (or written by this
 * build) has its outputs in place, and outputs are byte-reproducible: a file of it is looked at once per change key of
 * the document, and again when this build wrote or removed it. Any other file the manifest lists is looked at now.
 */
function downloadSize(site: SiteContext, name: string, changed: ReadonlySet<string>, listed: () => ReadonlySet<string>): number | undefined {
  const sizeNow = () => statSync(path.join(site.outDir, name), { throwIfNoEntry: false })?.size;
  const id = name.slice(0, name.lastIndexOf('.'));
  const entry = site.manifest.meetings[id];
  if (!site.current.has(id) || !entry?.outputs.includes(name)) return listed().has(name) ? sizeNow() : undefined;
  const sizes = site.caches.downloadSizes;
  const known = sizes.get(name);
  if (known?.outDir === site.outDir && known.key === entry.hash && !changed.has(name)) return known.size;
  const size = sizeNow();
  if (size === undefined) sizes.delete(name);
  else sizes.set(name, { outDir: site.outDir, key: entry.hash, size });
  return size;
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
