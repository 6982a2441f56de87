import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RunReport } from './run-report.js';

// Apart from run-report.ts, which builds the report's zod schema at load: printing a report needs none of it.

/** The fields every report starts with: which tool (`version`: readToolVersion()), which command, how it ended and how long it took. */
export function reportHeader(command: RunReport['command'], exitCode: number, elapsedMs: number, version: string): Pick<RunReport, 'tool' | 'command' | 'exitCode' | 'elapsedMs'> {
  return { tool: { name: 'minutes', version }, command, exitCode, elapsedMs: Math.round(elapsedMs) };
}

export function severityCounts(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number } {
  const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}
