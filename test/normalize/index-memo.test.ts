import { describe, expect, it } from 'vitest';
import { listMeeting } from '../../src/normalize/meeting-listing.js';
import { downloadsOf, normalizeIndex, type IndexMemo } from '../../src/normalize/normalize-index.js';
import { loadProject } from '../../src/pipeline.js';
import { viewMeeting } from '../../src/render/render-meeting.js';
import { repoRoot } from '../support/build-bundled.js';

describe('the index, normalized with a memo (minutes watch)', () => {
  it('gives the same view object only while the listings, the downloads and the reports are the same', async () => {
    const project = await loadProject({ cwd: repoRoot, dataDir: 'data' });
    const listings = [...project.meetings.values()].map((meeting) => listMeeting(viewMeeting(project, meeting)));
    expect(listings.length).toBeGreaterThanOrEqual(4);
    const sizes = new Map<string, number>(listings.flatMap((l) => [[`${l.id}.docx`, 35_000] as const]));
    // Made afresh at every call, as a one-off build's are: equal downloads count as the same.
    const downloads = (id: string) => downloadsOf(id, (name) => sizes.get(name));
    const reports = [{ id: 'report-a', title: '報告書A' }];
    const memo: IndexMemo = {};
    const first = normalizeIndex('委員会', listings, downloads, reports, memo);
    expect(first).toEqual(normalizeIndex('委員会', listings, downloads, reports));
    // Nothing changed: the same object.
    expect(normalizeIndex('委員会', listings, downloads, [{ ...reports[0] }], memo)).toBe(first);
    // A Word file 1 KB larger: a new view, with the new label, equal to a fresh one.
    sizes.set(`${listings[1].id}.docx`, 36_000);
    const resized = normalizeIndex('委員会', listings, downloads, reports, memo);
    expect(resized).not.toBe(first);
    expect(resized).toEqual(normalizeIndex('委員会', listings, downloads, reports));
    expect(resized.meetings.flatMap((m) => m.downloads.map((d) => d.label)).sort()).toEqual([...Array(listings.length - 1).fill('Word（34KB）'), 'Word（35KB）']);
    // A Word file gone: its meeting's row has no download.
    sizes.delete(`${listings[2].id}.docx`);
    const removed = normalizeIndex('委員会', listings, downloads, reports, memo);
    expect(removed).toEqual(normalizeIndex('委員会', listings, downloads, reports));
    expect(removed.meetings.flatMap((m) => m.downloads)).toHaveLength(listings.length - 1);
    // A report retitled, a listing made again (another object, another title), a committee renamed: each a new view.
    expect(normalizeIndex('委員会', listings, downloads, [{ id: 'report-a', title: '報告書B' }], memo).reports[0].title).toBe('報告書B');
    const relisted = [{ ...listings[0], title: '別の題' }, ...listings.slice(1)];
    expect(normalizeIndex('委員会', relisted, downloads, reports, memo)).toEqual(normalizeIndex('委員会', relisted, downloads, reports));
    expect(normalizeIndex('別の委員会', relisted, downloads, reports, memo).title).toBe('別の委員会 議事要旨一覧');
  });
});
