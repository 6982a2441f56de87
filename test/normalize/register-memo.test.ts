import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMeeting } from '../../src/normalize/meeting-listing.js';
import { createRegisterMemo, normalizeRegister } from '../../src/normalize/normalize-register.js';
import { loadProject } from '../../src/pipeline.js';
import { viewMeeting } from '../../src/render/render-meeting.js';
import { buildBundledData, repoRoot } from '../support/build-bundled.js';

describe('the register, normalized with a memo (minutes watch)', () => {
  it('gives the view a fresh normalization gives, and makes afresh only the entries whose inputs changed', async () => {
    const project = await loadProject({ cwd: repoRoot, dataDir: 'data' });
    const listings = [...project.meetings.values()].map((meeting) => listMeeting(viewMeeting(project, meeting)));
    const sources = { incidentData: (id: string) => project.incidents.get(id)?.data, codes: project.codes };
    const memo = createRegisterMemo();
    const first = normalizeRegister(listings, sources, memo);
    expect(first).toEqual(normalizeRegister(listings, sources));
    expect(first.entries.length).toBeGreaterThan(3);
    // The same listings and records: the same entry objects.
    const again = normalizeRegister(listings, sources, memo);
    expect(again.entries.every((entry, i) => entry === first.entries[i])).toBe(true);
    // ... and the same view object (a watch's save that changed nothing the register shows).
    expect(again).toBe(first);
    // One meeting listed again (its file saved): only the entries of the incidents it shows are new objects.
    const [changed, ...rest] = listings;
    const relisted = [{ ...changed, agenda: changed.agenda.map((item) => ({ incidents: item.incidents.map(({ incident }) => ({ incident: { ...incident } })) })) }, ...rest];
    const shown = new Set(changed.agenda.flatMap((item) => item.incidents.map(({ incident }) => incident.id)));
    const third = normalizeRegister(relisted, sources, memo);
    expect(third).toEqual(first);
    expect(third).not.toBe(first);
    for (const [i, entry] of third.entries.entries()) expect(entry === first.entries[i], entry.id).toBe(!shown.has(entry.id));
    // A record read again (another object, equal): its entry is made again, equal.
    const copies = new Map([...shown].map((id) => [id, structuredClone(sources.incidentData(id))]));
    const fourth = normalizeRegister(listings, { ...sources, incidentData: (id) => (copies.has(id) ? copies.get(id) : sources.incidentData(id)) }, memo);
    expect(fourth).toEqual(first);
    expect(fourth).not.toBe(third);
    for (const [i, entry] of fourth.entries.entries()) expect(entry === third.entries[i], entry.id).toBe(!shown.has(entry.id));
    // Code tables read again: a view made again (its class columns read them).
    const recoded = { ...sources, codes: structuredClone(sources.codes) };
    const withCodes = normalizeRegister(listings, recoded, memo);
    expect(withCodes).toEqual(first);
    expect(withCodes).not.toBe(fourth);
    expect(normalizeRegister(listings, recoded, memo)).toBe(withCodes);
    // A meeting removed: the incidents only it showed leave the memo.
    const fifth = normalizeRegister(rest, sources, memo);
    expect(fifth).toEqual(normalizeRegister(rest, sources));
    expect([...memo.entries.keys()].sort()).toEqual(fifth.entries.map((e) => e.id).sort());
  });

  it('prints incidents.json, assembled from the texts of its rows, exactly as JSON.stringify prints the whole', async () => {
    const { outDir } = await buildBundledData(['html']);
    try {
      const text = await readFile(path.join(outDir, 'incidents.json'), 'utf8');
      const parsed = JSON.parse(text) as { incidents: unknown[] };
      expect(parsed.incidents.length).toBeGreaterThan(3);
      expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
