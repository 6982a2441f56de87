import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/write/csv/write-csv.js';
import { isCleanFailure, makeProject, runMinutes, smallIncident, smallMeeting } from '../support/small-project.js';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function buildWith(incident: string) {
  const dir = await makeProject({ 'meetings/fy2025-03.md': smallMeeting, 'incidents/2025-08-01-test.md': incident });
  made.push(dir);
  return { dir, ...(await runMinutes(dir, ['build'])) };
}

describe('the incident register CSV', () => {
  it('neutralizes every cell a spreadsheet would run as a formula, and the JSON keeps the true text', async () => {
    const incident = smallIncident('', '原因。')
      .replace('name: 株式会社テスト', 'name: "=HYPERLINK(\\"http://evil.example\\",\\"x\\")"')
      .replace('region: 全国', 'region: "@SUM(1+1)"');
    const { dir, code, stderr } = await buildWith(incident);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const csv = await readFile(path.join(dir, 'output/incidents.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(",'@SUM(1+1),");
    expect(csv.split('\r\n').flatMap((line) => line.split(',')).filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);
    const json = JSON.parse(await readFile(path.join(dir, 'output/incidents.json'), 'utf8')) as { incidents: { operators: string[]; region: string }[] };
    expect(json.incidents[0].operators).toEqual(['=HYPERLINK("http://evil.example","x")']);
    expect(json.incidents[0].region).toBe('@SUM(1+1)');
  });

  it('prefixes cells that begin with = + - @, a tab or a carriage return, and no others', () => {
    const csv = writeCsv(['h'], [['=1'], ['+1'], ['-1'], ['@x'], ['\tx'], ['\rx'], ['a=b'], ['ー'], ['－']]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", `"'\rx"`, 'a=b', 'ー', '－']);
  });
});

describe('control characters in the data', () => {
  it('are located errors, written raw or as YAML escapes, and nothing is published', async () => {
    const incident = smallIncident('description: "障害\\x01の内容"', '原因\u000b。').replace('name: 株式会社テスト', 'name: "株式会社\\0テスト"');
    const { dir, code, stderr } = await buildWith(incident);
    expect(code).toBe(1);
    expect(isCleanFailure({ code, stderr, stdout: '' })).toBe(true);
    expect(stderr).toMatch(/4:11.*U\+0000.*control-character/);
    expect(stderr).toMatch(/11:14.*U\+0001.*control-character/);
    expect(stderr).toMatch(/18:3.*U\+000B.*control-character/);
    const outputs = await readFile(path.join(dir, 'output/incidents.csv'), 'utf8').catch(() => '');
    expect(outputs).not.toContain('\u0000');
  });
});

describe('a huge count', () => {
  it('is an error at its line that says to write it as text, never printed with an exponent', async () => {
    const huge = smallIncident('', '原因。').replace('affectedUsers: { value: 50000, unit: 人 }', 'affectedUsers: { value: 12345678901234567890123, unit: 人 }');
    const result = await buildWith(huge);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2025-08-01-test\.md:8:25 .*invalid-value/);
    expect(result.stderr).toContain('文字列で書いてください');

    const asText = smallIncident('', '原因。').replace('affectedUsers: { value: 50000, unit: 人 }', 'affectedUsers: { value: "12,345,678,901,234,567,890,123", unit: 人 }');
    const fine = await buildWith(asText);
    expect(fine.code).toBe(0);
    expect(await readFile(path.join(fine.dir, 'output/fy2025-03.html'), 'utf8')).toContain('12,345,678,901,234,567,890,123人');
  });

  it('below 2^53 is printed with separators and no exponent', async () => {
    const { formatCount } = await import('../../src/normalize/counts.js');
    expect(formatCount({ value: 9007199254740991, unit: '件' })).toBe('9,007,199,254,740,991件');
    expect(formatCount({ value: 0.0000001, unit: '件' })).toBe('0.0000001件');
    expect(formatCount({ value: 5.9, unit: '万' })).toBe('5.9万');
  });
});
