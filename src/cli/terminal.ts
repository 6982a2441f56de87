import { createColors } from 'picocolors';

export type Paint = ReturnType<typeof createColors>;

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

/** Colour functions that colour only when asked to (plain text otherwise). */
export function createPaint(colour: boolean): Paint {
  return createColors(colour);
}
