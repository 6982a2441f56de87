import { watchProject } from '../watch.js';
import { printDiagnostics, type CliRun } from './cli-run.js';
import { CLEAR_SCREEN, createFixTracker, formatLocalClock, formatRebuildLines } from './watch-report.js';

/** minutes watch: rebuilds on every save; a data error is printed, never fatal. Never resolves. */
export function runWatch(run: CliRun): Promise<number> {
  const { settings, io } = run;
  const ja = run.lang === 'ja';
  const clearScreen = run.values.clear === true && io.outIsTerminal;
  const tracker = createFixTracker();
  io.out(ja ? '監視中… 保存するたびに作り直します（Ctrl+C で終了）\n' : 'watching… rebuilding on every save (Ctrl+C stops)\n');
  watchProject({
    cwd: run.cwd,
    dataDir: settings.dataDir,
    outDir: settings.outDir,
    templatesDir: settings.templatesDir,
    formats: settings.formats,
    fragment: run.values.fragment === true,
    libreOffice: settings.libreOffice,
    onBuild: (result, diagnostics) => {
      if (clearScreen) io.out(CLEAR_SCREEN);
      const at = { stamp: formatLocalClock(run.clock()), cwd: run.cwd, lang: run.lang, paint: io.paintOut };
      for (const line of formatRebuildLines(tracker.fixed(diagnostics), result, at)) io.out(`${line}\n`);
      printDiagnostics(run, diagnostics);
    },
    onError: (error) => io.err(`内部エラーです。報告してください。 / internal error, please report\n${(error as Error).stack ?? String(error)}\n`),
  });
  return new Promise<number>(() => undefined);
}
