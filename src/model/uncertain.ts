/**
 * A value the sources may not give. Government records never print a guess: a value is known, or it is 不明
 * (unknown), 非公表 (not disclosed, with an optional reason note), 調査中 (under investigation), or known but 暫定
 * (provisional, to be confirmed).
 *
 * In the front matter: the value itself; one of the words 不明 / 非公表 / 調査中; or
 * `{ status: 非公表, note: "※…" }`, `{ status: 暫定, value: … }`, `{ status: 調査中, value: … }`.
 */
export const statusWords = ['不明', '非公表', '調査中'] as const;
export type StatusWord = (typeof statusWords)[number];
export const statusKeys = [...statusWords, '暫定'] as const;
export type StatusKey = (typeof statusKeys)[number];

export interface StatusObject<T> {
  status: StatusKey;
  value?: T;
  note?: string;
}

export type UncertainInput<T> = T | StatusWord | StatusObject<T>;

export type Uncertain<T> =
  | { known: true; value: T; status?: '暫定' | '調査中'; note?: string }
  | { known: false; status: StatusWord; note?: string };

export function isStatusWord(value: unknown): value is StatusWord {
  return typeof value === 'string' && (statusWords as readonly string[]).includes(value);
}

function isStatusObject<T>(value: unknown): value is StatusObject<T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'status' in value;
}

/** Reads a validated uncertain input into its typed form. */
export function readUncertain<T>(input: UncertainInput<T>): Uncertain<T> {
  if (isStatusWord(input)) return { known: false, status: input };
  if (isStatusObject<T>(input)) {
    const note = input.note !== undefined ? { note: input.note } : {};
    if (input.value !== undefined) {
      const status = input.status === '暫定' || input.status === '調査中' ? input.status : undefined;
      return { known: true, value: input.value, ...(status && { status }), ...note };
    }
    return { known: false, status: input.status === '暫定' ? '調査中' : input.status, ...note };
  }
  return { known: true, value: input as T };
}

/** The known value, or undefined when the sources do not give it. */
export function knownValue<T>(input: UncertainInput<T> | undefined): T | undefined {
  if (input === undefined) return undefined;
  const read = readUncertain(input);
  return read.known ? read.value : undefined;
}

/** The value as printed: the known value (with 「（暫定）」 / 「（調査中）」 when so marked), or the status word. */
export function formatUncertain<T>(input: UncertainInput<T>, format: (value: T) => string): string {
  const read = readUncertain(input);
  if (!read.known) return read.status;
  return read.status ? `${format(read.value)}（${read.status}）` : format(read.value);
}

/** The reason note of a status (「※競合上の理由により非公表」), if any. */
export function uncertainNote<T>(input: UncertainInput<T> | undefined): string | undefined {
  return input === undefined ? undefined : readUncertain(input).note;
}
