import { describe, expect, it } from 'vitest';
import { eraOf, fiscalYearOf, formatFiscalYear, formatWarekiDate, formatWarekiMonth } from '../../src/model/era.js';

describe('和暦', () => {
  it('puts 2019-04-30 in 平成31年 and 2019-05-01 in 令和元年', () => {
    expect(formatWarekiDate({ year: 2019, month: 4, day: 30 })).toBe('平成31年4月30日');
    expect(formatWarekiDate({ year: 2019, month: 5, day: 1 })).toBe('令和元年5月1日');
  });
  it('puts 1989-01-07 in 昭和64年 and 1989-01-08 in 平成元年', () => {
    expect(formatWarekiDate({ year: 1989, month: 1, day: 7 })).toBe('昭和64年1月7日');
    expect(formatWarekiDate({ year: 1989, month: 1, day: 8 })).toBe('平成元年1月8日');
  });
  it('writes 令和2年 for 2020 and does not pad months or days', () => {
    expect(formatWarekiDate({ year: 2020, month: 1, day: 5 })).toBe('令和2年1月5日');
    expect(formatWarekiDate({ year: 2025, month: 6, day: 12 })).toBe('令和7年6月12日');
    expect(formatWarekiMonth({ year: 2022, month: 12, day: 2 })).toBe('令和4年12月');
  });
  it('reports the era year as a number', () => {
    expect(eraOf({ year: 2023, month: 1, day: 18 })).toEqual({ era: '令和', eraYear: 5 });
  });
});

describe('fiscal years', () => {
  it('runs from April to March', () => {
    expect(fiscalYearOf({ year: 2023, month: 3, day: 31 })).toBe(2022);
    expect(fiscalYearOf({ year: 2023, month: 4, day: 1 })).toBe(2023);
    expect(fiscalYearOf({ year: 2023, month: 1, day: 18 })).toBe(2022);
  });
  it('names fiscal years with 元年度 for the first year of an era', () => {
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
    expect(formatFiscalYear(2025)).toBe('令和7年度');
    expect(formatFiscalYear(1989)).toBe('平成元年度');
  });
});
