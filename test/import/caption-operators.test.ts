/**
 * Issue 15: a table shared by several operators whose cell does not mark where one name ends (our own PDF of
 * fy2022-08: the two Microsoft companies, wrapped over four lines) is split by the names the caption above the table
 * lists, so that each operator gets its own counts; a caption whose names the cell does not hold is noted, not forced.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMinutes } from '../../src/import/import-minutes.js';
import { readCodes } from '../../src/load/read-codes.js';
import { repoRoot } from '../support/build-bundled.js';

const codes = readCodes(path.join(repoRoot, 'data'));
const pdfText = readFileSync(path.join(repoRoot, 'test/fixtures/import-tables/fy2022-08.pdf.txt'), 'utf8');

describe('operators named by the caption above their table', () => {
  it('splits the 事業者名 cell into the caption\'s names and gives each its affected users', () => {
    const microsoft = importMinutes(pdfText, 'fy2022-08.pdf', codes).incidents[0];
    const count = { value: '３万', unit: '人', suffix: '以上', remark: '（詳細非公表※）' };
    expect(microsoft.record.operators).toEqual([
      { name: '日本マイクロソフト株式会社', affectedUsers: count },
      { name: 'マイクロソフト・アイルランド・オペレーションズ・リミテッド', affectedUsers: count },
    ]);
    expect(microsoft.record.affectedUsers).toBeUndefined();
    expect(microsoft.notes).toEqual([]);
  });

  it('keeps the cell as one name and notes it when the caption\'s names do not match the cell', () => {
    const text = pdfText.replace('事故の概要：日本マイクロソフト株式会社、', '事故の概要：日本マイクロソフト合同会社、');
    const microsoft = importMinutes(text, 'fy2022-08.pdf', codes).incidents[0];
    expect(microsoft.record.operators.map((o) => o.name)).toEqual(['日本マイクロソフト株式会社マイクロソフト・アイルランド・オペレーションズ・リミテッド']);
    expect(microsoft.notes.map((n) => n.en)).toContainEqual(expect.stringContaining('The caption names 2 operators'));
  });
});
