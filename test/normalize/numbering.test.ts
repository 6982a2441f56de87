import { describe, expect, it } from 'vitest';
import { agendaNumber, subNumber } from '../../src/normalize/numbering.js';

describe('numbering', () => {
  it('numbers agenda items （1）（2）… and sub-items ア／イ, イ／ロ or ①② as the minutes do', () => {
    expect(agendaNumber(0)).toBe('（1）');
    expect([0, 1, 43].map((i) => subNumber('katakana', i))).toEqual(['ア', 'イ', 'ワ']);
    expect([0, 1].map((i) => subNumber('iroha', i))).toEqual(['イ', 'ロ']);
    expect([0, 19, 20, 49].map((i) => subNumber('circled', i))).toEqual(['①', '⑳', '㉑', '㊿']);
  });

  it('goes on past the end of a sequence instead of failing the build', () => {
    expect(subNumber('circled', 50)).toBe('（51）');
    expect(subNumber('katakana', 44)).toBe('（45）');
  });
});
