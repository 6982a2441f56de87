/**
 * Digit grouping for printed numbers, the one way every output writes them: 「50,246」 in a table, a chart's total,
 * a message. Integers are exact up to 2^53 and never printed in e-notation; fractions keep every digit given.
 */
export function groupDigits(value: number): string {
  const plain = Number.isSafeInteger(value) ? BigInt(value).toString() : value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  const [whole, fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}
