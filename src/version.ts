import { readFileSync } from 'node:fs';

/** The tool's version from package.json; part of every output's input hash. */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
