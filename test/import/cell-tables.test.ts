/**
 * Issue 15: a table printed inside a cell of the summary table comes back as a Markdown table: from a tagged PDF's
 * structure tree (placed where its characters stand in the extracted text), and from the tab-separated rows of a
 * text extraction (seed 000's notice table). Text whose characters do not match the table stays text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { docxText } from '../../src/import/docx-text.js';
import { cleanArtifacts } from '../../src/import/clean-artifacts.js';
import { importMinutes } from '../../src/import/import-minutes.js';
import { hasNestedTable, parseNestedTables, placeTables } from '../../src/import/pdf-tables.js';
import { sectionMarkdown } from '../../src/import/section-markdown.js';
import { splitSourceLines } from '../../src/import/source-lines.js';
import { readCodes } from '../../src/load/read-codes.js';
import { repoRoot } from '../support/build-bundled.js';

const fixtures = path.join(repoRoot, 'test/fixtures/import-tables');
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');

const MIXI_TABLE = [
  '| 機種 | SIM対応キャリア | 端末対応キャリア | 障害の影響 |',
  '| --- | --- | --- | --- |',
  '| MG01（第一世代） | ドコモ、ソフトバンク | ドコモ | 有 |',
  '| MG02（第二世代） | ドコモ、ソフトバンク | ドコモ | 有 |',
  '| MG03（第三世代） | ドコモ、ソフトバンク | ドコモ | 有 |',
  '| MT04（トーク端末） | ドコモ、KDDI、ソフトバンク | ドコモ、KDDI、ソフトバンク | 無 |',
].join('\n');

describe('a table inside a cell of a tagged PDF', () => {
  const tables = parseNestedTables(read('fy2024-08-mixi.struct.txt'));

  it('is read from the structure tree row by row, each cell its spans joined', () => {
    expect(tables).toHaveLength(1);
    expect(tables[0].map((row) => row.map((cell) => cell.join('/')))).toEqual([
      ['機種', 'SIM対応キャリア', '端末対応キャリア', '障害の影響'],
      ['MG01（第一世代）', 'ドコモ、ソフトバンク', 'ドコモ', '有'],
      ['MG02（第二世代）', 'ドコモ、ソフトバンク', 'ドコモ', '有'],
      ['MG03（第三世代）', 'ドコモ、ソフトバンク', 'ドコモ', '有'],
      ['MT04（トーク端末）', 'ドコモ、KDDI、ソフトバンク', 'ドコモ、KDDI、ソフトバンク', '無'],
    ]);
  });

  it('replaces the interleaved lines that hold its characters, and becomes a Markdown table between the text around it', () => {
    const lines = placeTables(splitSourceLines(read('fy2024-08-mixi.raw.txt').trimEnd()), tables);
    expect(lines.filter((l) => l.table)).toHaveLength(1);
    const markdown = sectionMarkdown(lines, []);
    expect(markdown).toContain(`＜障害が発生した端末について＞\n\n${MIXI_TABLE}\n\n- 全端末のうち`);
  });

  it('is not placed where the characters differ: the text stays as extracted', () => {
    const raw = read('fy2024-08-mixi.raw.txt').replace('MT04（トーク端', 'MT05（トーク端');
    const lines = placeTables(splitSourceLines(raw.trimEnd()), tables);
    expect(lines.some((l) => l.table)).toBe(false);
    expect(lines.map((l) => l.text).join('\n')).toBe(raw.trimEnd());
  });

  it('is left out when it has merged cells, which a Markdown table cannot hold', () => {
    const merged = read('fy2024-08-mixi.struct.txt').replace('            TH:\n', '            TH:\n               /ColSpan 2\n');
    expect(parseNestedTables(merged)).toEqual([]);
  });

  it('is not a table of the document body (the summary table itself is read row by row elsewhere)', () => {
    expect(parseNestedTables('Table (block):\n  TR:\n    TD:\n      P (block):\n        "事業者名"\n')).toEqual([]);
    expect(hasNestedTable('Table (block):\n  TR:\n    TD:\n      P (block):\n')).toBe(false);
  });

  it('is seen in the structure without its text (pdfinfo -struct), so the slow text of the structure is read only then', () => {
    const structureOnly = read('fy2024-08-mixi.struct.txt').split('\n').filter((l) => !/^\s*"/.test(l)).join('\n');
    expect(hasNestedTable(structureOnly)).toBe(true);
  });
});

describe('a table of tab-separated rows in a text extraction (seed 000)', () => {
  const seed = readFileSync(path.join(repoRoot, 'test/fixtures/seeds/000_c5aa13bd39b0d189.txt'), 'utf8');
  const result = importMinutes(seed, 'seed-000.txt', readCodes(path.join(repoRoot, 'data')));
  const other = result.incidents[0].record.sections.other ?? '';

  it('becomes a Markdown table, the title line before it a paragraph, a cell of several paragraphs spread over rows', () => {
    expect(other).toContain(
      [
        'アナウンス告知登録',
        '',
        '| | 日本語用 | 英語用 |',
        '| --- | --- | --- |',
        '| ● タイトル | 緊急サーバーメンテナンスのお知らせ | Server Maintenance |',
        '| ● 本文 | 下記の日時におきまして、緊急のサーバーメンテナンスを実施いたします。 | Please note that Chatwork will undergo scheduled maintenance for the following time. |',
        '| | ■実施日時 2025年4月26日（土）午後5:00開始 | **Apr 26 2025, Saturday 05:00 PM Start. (JST)** |',
      ].join('\n'),
    );
    expect(other).toMatch(/\| \| ご利用者の皆様には大変ご不便をおかけいたしますが、何卒ご理解いただきますよう、よろしくお願いいたします。 \| \|\n\| ● 掲載開始日時 \| 2025\/04\/26 16:45:00 \| 2025\/04\/26 16:45:00 \|\n\| ● 掲載終了日時 \| 2025\/04\/26 19:00:00 \| 2025\/04\/26 19:00:00 \|$/);
  });

  it('leaves the summary table\'s own tab-separated rows to the row reader', () => {
    expect(result.incidents[0].record.sections.measures).not.toContain('|');
    expect(result.incidents[0].record.sections.cause).not.toContain('|');
  });
});

describe('a table inside a table cell of a Word file', () => {
  const p = (text: string, numId?: number) => `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;
  const cell = (...paragraphs: string[]) => `<w:tc><w:tcPr/>${paragraphs.join('')}</w:tc>`;
  const nested = `<w:tbl><w:tblPr/><w:tr>${cell(p('機種'))}${cell(p('障害の影響'))}</w:tr><w:tr>${cell(p('MG01'))}${cell(p('有'), p('（一部）'))}</w:tr></w:tbl>`;
  const body = `<w:tbl><w:tr>${cell(p('機器構成図'))}${cell(p('＜端末＞'), nested, p('一つ目', 7), p('手順', 8), p('次の手順', 8))}</w:tr></w:tbl>`;
  const numbering =
    '<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="8"><w:abstractNumId w:val="2"/></w:num></w:numbering>';
  const text = docxText(zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`), 'word/numbering.xml': strToU8(numbering) }));

  it('is written as tab-separated rows, a cell of several paragraphs as <p>…</p>, list paragraphs with their markers', () => {
    expect(text.split('\n').filter((l) => l.trim())).toEqual(['機器構成図', '＜端末＞', '機種\t障害の影響', 'MG01\t<p>有</p> <p>（一部）</p>', '・一つ目', '1. 手順', '2. 次の手順']);
  });

  it('becomes a Markdown table in the section', () => {
    const lines = cleanArtifacts(text).lines.filter((l) => l.text.trim() !== '機器構成図');
    expect(sectionMarkdown(lines, [])).toBe('＜端末＞\n\n| 機種 | 障害の影響 |\n| --- | --- |\n| MG01 | 有 |\n| | （一部） |\n\n- 一つ目\n\n1. 手順\n2. 次の手順');
  });
});
