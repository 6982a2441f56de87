import { describe, expect, it } from 'vitest';
import { cleanArtifacts } from '../../src/import/clean-artifacts.js';
import { joinParagraphs } from '../../src/import/join-paragraphs.js';

describe('cleaning the extracted text', () => {
  it('removes page numbers like -3- and keeps every other line with its number', () => {
    const { lines, removed } = cleanArtifacts('発生原因\n -3- \n設定誤り。\n－ ４ －\n');
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, '発生原因'],
      [3, '設定誤り。'],
    ]);
    expect(removed.pageNumbers).toBe(2);
  });

  it('removes a running header that starts several pages, and only there', () => {
    const text = '電気通信事故検証会議 議事要旨\n本文一\n\f電気通信事故検証会議 議事要旨\n本文二\n\f電気通信事故検証会議 議事要旨\n本文三 電気通信事故検証会議 議事要旨';
    const { lines, removed } = cleanArtifacts(text);
    expect(removed.runningHeaders).toBe(2);
    expect(lines.map((l) => l.text)).toEqual(['電気通信事故検証会議 議事要旨', '本文一', '本文二', '本文三 電気通信事故検証会議 議事要旨']);
  });

  it('keeps a line that opens only a few of many pages (a row label of the table, 情 of 情報周知 in fy2022-08)', () => {
    const pages = ['本文〇', '\f情\n報\n周\n知', '\f本文二', '\f本文三', '\f本文四', '\f情\n報\n周\n知', '\f本文六'];
    const { lines, removed } = cleanArtifacts(pages.join('\n'));
    expect(removed.runningHeaders).toBe(0);
    expect(lines.filter((l) => l.text === '情')).toHaveLength(2);
  });

  it('turns HTML left in the text into paragraphs, list items and a lost figure described by its text', () => {
    const { lines } = cleanArtifacts('<p>&lt;正常時&gt;</p> <ul><li>一つ目</li></ul><ol><li>手順</li></ol><div data-bbox="1 2 3 4"> <p>構成図の文字</p> </div>');
    expect(lines.map((l) => l.figure ?? l.text)).toEqual(['＜正常時＞', '・一つ目', '1. 手順', ['構成図の文字']]);
  });

  it('reads space-only lines as paragraph breaks when the text marks them so, and empty lines as nothing', () => {
    const wrapped = Array.from({ length: 25 }, (_, i) => `行${i}の文\n\n \n`).join('');
    const { lines } = cleanArtifacts(`一行目の途中で\n\n折り返した文。\n${wrapped}`);
    expect(lines[0].breakAfter).toBeFalsy();
    expect(lines[2].breakAfter).toBe(true);
  });
});

describe('joining wrapped lines into paragraphs', () => {
  const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

  it('joins a word broken over lines without a space', () => {
    expect(joinParagraphs(lines('マイクロソフト・アイルラン', 'ド・オペレーションズ')).map((p) => p.text)).toEqual(['マイクロソフト・アイルランド・オペレーションズ']);
  });

  it('puts one space between Latin words', () => {
    expect(joinParagraphs(lines('SORACOM CORPORATION,', 'LTD.')).map((p) => p.text)).toEqual(['SORACOM CORPORATION, LTD.']);
  });

  it('starts a paragraph at a bullet, a sub-heading, a schedule note and after a sentence', () => {
    const texts = joinParagraphs(lines('＜暫定対処＞', '・設定を見直', 'す。', '次の文', '【令和5年11月22日 完了】', '（令和４年12月25日 完了）')).map((p) => p.text);
    expect(texts).toEqual(['＜暫定対処＞', '・設定を見直す。', '次の文', '【令和5年11月22日 完了】', '（令和４年12月25日 完了）']);
  });

  it('ends a paragraph at a line well short of the width the text was wrapped at', () => {
    const texts = joinParagraphs(lines('設備Ａと設備Ｂに、異なる種類の利用者情報を保持する構成である', '設備Ａ：利用者の情報', '設備Ｂ：サービスの設定情報を格納しているサーバのグルー', 'プ')).map((p) => p.text);
    expect(texts[0]).toBe('設備Ａと設備Ｂに、異なる種類の利用者情報を保持する構成である設備Ａ：利用者の情報');
    expect(texts[1]).toBe('設備Ｂ：サービスの設定情報を格納しているサーバのグループ');
  });
});
