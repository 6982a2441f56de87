import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerColumns } from '../../src/site/register-columns.js';
import { buildBundledData } from '../support/build-bundled.js';

let outDir: string;
beforeAll(async () => {
  ({ outDir } = await buildBundledData(['html']));
});

const readJson = async (name: string) => JSON.parse(await readFile(path.join(outDir, name), 'utf8'));

interface Incident {
  id: string;
  fiscalYear: number;
  affectedUsers: { operator: string | null; qualifier: string | null; value: number | null; unit: string | null }[];
  occurrences: { occurredAt: string | null; duration: string; durationMinutes: number }[];
  totalDurationMinutes: number;
}

describe('the register as open data', () => {
  it('publishes incidents.json that validates against incidents.schema.json, published beside it', async () => {
    const schema = await readJson('incidents.schema.json');
    const register = await readJson('incidents.json');
    expect(register.$schema).toBe('incidents.schema.json');
    expect(register.version).toMatch(/^\d+\.\d+\.\d+$/);
    // Formats (date-time, date) are checked by the schema's own patterns; ajv's format plugin is not installed.
    const validate = new Ajv2020({ strict: true, allErrors: true, validateFormats: false }).compile(schema);
    expect(validate(register), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema is strict: a misspelt field, a count as text or a Japanese date fails it.
    const broken = structuredClone(register);
    broken.incidents[0].affectedUsers[0].value = '約242万';
    broken.incidents[1].firstOccurredAt = '令和4年12月17日 7時50分';
    broken.incidents[2].extra = true;
    expect(validate(broken)).toBe(false);
    expect([...new Set(validate.errors!.map((e) => e.instancePath))].sort()).toEqual(['/incidents/0/affectedUsers/0/value', '/incidents/1/firstOccurredAt', '/incidents/2'].sort());
  });

  it('lets a script sum the affected users per fiscal year without reading any Japanese', async () => {
    const { incidents } = (await readJson('incidents.json')) as { incidents: Incident[] };
    const perYear = new Map<number, number>();
    for (const incident of incidents) {
      // People only (unit 人), the largest stated figure of each incident: numbers, not text.
      const people = incident.affectedUsers.filter((c) => c.unit === '人' && c.value !== null).map((c) => c.value as number);
      if (people.length) perYear.set(incident.fiscalYear, (perYear.get(incident.fiscalYear) ?? 0) + Math.max(...people));
    }
    // 令和4年度: KDDI/Kakao 58万, docomo 242万 and 69万, Microsoft 3万 (以上); the seeds' figures.
    expect(perYear.get(2022)).toBe(580000 + 2420000 + 690000 + 30000);
    expect([...perYear.values()].every((n) => Number.isInteger(n) && n > 0)).toBe(true);
  });

  it('gives every occurrence an ISO 8601 date-time and duration, and the same minutes as the total', async () => {
    const { incidents } = (await readJson('incidents.json')) as { incidents: Incident[] };
    for (const incident of incidents) {
      for (const occurrence of incident.occurrences) {
        if (occurrence.occurredAt !== null) expect(Number.isNaN(Date.parse(occurrence.occurredAt))).toBe(false);
        const [, h = '0', m = '0'] = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(occurrence.duration)!;
        expect(Number(h) * 60 + Number(m)).toBe(occurrence.durationMinutes);
      }
      expect(incident.totalDurationMinutes).toBe(incident.occurrences.reduce((sum, o) => sum + o.durationMinutes, 0));
    }
    const kubell = incidents.find((i) => i.id === '2025-04-26-kubell')!;
    expect(kubell.occurrences[0]).toMatchObject({ occurredAt: '2025-04-26T07:41:00+09:00', duration: 'PT23H44M', durationMinutes: 1424 });
  });

  it('takes the CSV header, the JSON keys and the page columns from one list of columns', async () => {
    const csv = await readFile(path.join(outDir, 'incidents.csv'), 'utf8');
    const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
    expect(header).toEqual(registerColumns.filter((c) => c.csv !== false).map((c) => c.header));
    const { incidents } = await readJson('incidents.json');
    expect(Object.keys(incidents[0])).toEqual(registerColumns.map((c) => c.key));
    const page = await readFile(path.join(outDir, 'incidents.html'), 'utf8');
    const table = page.slice(page.indexOf('<table class="register-table">'));
    const headers = [...table.slice(0, table.indexOf('</tr>')).matchAll(/<th scope="col">(?:<p>)?([^<]*)/g)].map((m) => m[1]);
    expect(headers).toEqual(registerColumns.filter((c) => c.page).map((c) => c.header));
  });
});
