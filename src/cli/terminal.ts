import type { Painter } from '../diagnostics/format-text.js';

export type Paint = Painter;

export interface TerminalFeatures {
  /** Colours: a terminal, unless NO_COLOR is set; FORCE_COLOR turns them on anywhere. */
  colour: boolean;
  /** A redrawn progress line: only on a terminal, never under CI. */
  animate: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const isSet = (value: string | undefined) => value !== undefined && value !== '' && value !== '0' && value !== 'false';

/** What a stream can show, from the environment (https://no-color.org, FORCE_COLOR, CI) and whether it is a TTY. */
export function detectTerminal(env: Env, isTTY: boolean): TerminalFeatures {
  const terminal = isTTY && env.TERM !== 'dumb';
  const colour = env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? false : env.FORCE_COLOR !== undefined ? isSet(env.FORCE_COLOR) || env.FORCE_COLOR === '' : terminal;
  return { colour, animate: terminal && !isSet(env.CI) };
}

/**
 * Colour functions that colour only when asked to (plain text otherwise): picocolors' codes and its rule for a colour
 * inside another (the inner one's closing code reopens the outer one), written here because picocolors reads
 * process.stdout when it is loaded, which makes the stream and loads node:tty and node:net (standard-streams.ts).
 */
export function createPaint(colour: boolean): Paint {
  const paint = (open: string, close: string, reopen = open) => (colour ? (text: string) => wrap(text, open, close, reopen) : String);
  return {
    red: paint('\x1b[31m', '\x1b[39m'),
    green: paint('\x1b[32m', '\x1b[39m'),
    yellow: paint('\x1b[33m', '\x1b[39m'),
    cyan: paint('\x1b[36m', '\x1b[39m'),
    dim: paint('\x1b[2m', '\x1b[22m', '\x1b[22m\x1b[2m'),
    bold: paint('\x1b[1m', '\x1b[22m', '\x1b[22m\x1b[1m'),
  };
}

/**
 * `text` between `open` and `close`, each `close` inside it (a nested colour's end) replaced by `reopen`, searched from
 * `open.length` on, as picocolors does.
 */
function wrap(text: string, open: string, close: string, reopen: string): string {
  let index = text.indexOf(close, open.length);
  if (index < 0) return `${open}${text}${close}`;
  let result = '';
  let cursor = 0;
  do {
    result += text.substring(cursor, index) + reopen;
    cursor = index + close.length;
    index = text.indexOf(close, cursor);
  } while (index >= 0);
  return `${open}${result}${text.substring(cursor)}${close}`;
}
