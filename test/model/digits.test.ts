import { describe, expect, it } from 'vitest';
import { groupDigits } from '../../src/model/digits.js';

describe('groupDigits', () => {
  it('groups every three digits and never writes e-notation', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(50246)).toBe('50,246');
    expect(groupDigits(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
    expect(groupDigits(1e21)).toBe('1,000,000,000,000,000,000,000');
  });

  it('keeps every fraction digit given, unrounded', () => {
    expect(groupDigits(12345.6789)).toBe('12,345.6789');
  });
});
