/**
 * What a build reads from the templates folder and derives from it alone (the compiled set, the layout, the file
 * bytes of the tool key, the style map, the template checks), by name. A watch's build session keeps it while no
 * folder event names the templates folder, and clears it on one; a build without it reads and checks afresh.
 */
export type TemplateDerived = Map<string, unknown>;

/** The value computed once per state of the templates folder (every time, without a memo). */
export function fromTemplates<T>(memo: TemplateDerived | undefined, name: string, compute: () => T): T {
  if (!memo) return compute();
  if (!memo.has(name)) memo.set(name, compute());
  return memo.get(name) as T;
}
