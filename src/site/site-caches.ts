import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { MeetingListing } from '../normalize/meeting-listing.js';
import type { TemplateSet } from '../render/handlebars-env.js';
import type { MeetingData } from '../schema/meeting.js';

/**
 * What the site step keeps between the builds of one session (minutes watch), so that a save that changes nothing a
 * site page shows costs no re-rendering. Owned by the build session; a one-off build starts with empty ones.
 */
export interface SiteCaches {
  /** The last page written per template: a page whose markup did not change is not parsed again. */
  pages: Map<string, { markup: string; layout: string; html: string; diagnostics: Diagnostic[] }>;
  /**
   * Meeting listings by meeting record data, with the incident records they were made from: a watch's records stay
   * the same objects while their files are unchanged, so a save re-normalizes only the meetings it touches.
   */
  listings: WeakMap<MeetingData, { inputs: unknown[]; listing: MeetingListing }>;
  /** The register of the last build: a save that changes nothing the register shows reuses its files. */
  register?: { key: string; outDir: string; templates: TemplateSet; layout: string; files: (readonly [string, string])[]; diagnostics: Diagnostic[] };
}

export function createSiteCaches(): SiteCaches {
  return { pages: new Map(), listings: new WeakMap() };
}
