import { createDiagnostic, type Diagnostic, type Range } from '../../diagnostics/diagnostic.js';

/** Why a check did not run: the value it needs (not given: 不明 / 非公表 / 調査中, or too coarse) and the check. */
const reasons = {
  occurrenceDate: { actual: '発生日', actualEn: 'the occurrence date', expected: '区分と重大な事故の基準', expectedEn: 'of the class and its thresholds' },
  classStatus: { actual: '区分', actualEn: 'the class', expected: '重大な事故の基準', expectedEn: 'of the thresholds' },
  classNumeral: { actual: '区分の号（一～五）', actualEn: 'the item numeral of the class', expected: '区分と重大な事故の基準', expectedEn: 'of the class and its thresholds' },
  duration: { actual: '継続時間', actualEn: 'a duration', expected: '重大な事故の基準', expectedEn: 'of the thresholds' },
  users: { actual: '数として読める影響利用者数', actualEn: 'a numeric count of affected users', expected: '重大な事故の基準', expectedEn: 'of the thresholds' },
  recovery: { actual: '復旧日時', actualEn: 'recovery time', expected: '復旧が発生の後であること', expectedEn: 'that the recovery follows the occurrence' },
  occurrence: { actual: '発生日時', actualEn: 'occurrence time', expected: '復旧が発生の後であること', expectedEn: 'that the recovery follows the occurrence' },
  exactTimes: {
    actual: '分単位の発生・復旧日時',
    actualEn: 'occurrence and recovery times to the minute',
    expected: '継続時間が復旧－発生と一致すること',
    expectedEn: 'that the duration equals recovery − occurrence',
  },
} as const;

export type SkipReason = keyof typeof reasons;

/** The info diagnostic of a check that needs a value the record does not give: it says which, and which check. */
export function skippedCheck(file: string, range: Range, reason: SkipReason): Diagnostic {
  return createDiagnostic('check-skipped', file, range, reasons[reason]);
}
