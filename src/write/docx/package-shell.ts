import type { ShellParts } from './package-parts.js';
import { readCachedShell, writeCachedShell } from './shell-cache.js';
import { compressEntry, type ZipEntry } from './zip-writer.js';
import type { StyleMap } from './style-map.js';

/** Texts kept per shared part: a part may have a few forms (the content types of a document with charts). */
const VARIANTS_PER_PART = 4;

export interface ShellOptions {
  /** The running tool's code hash (tool-code-hash.ts): with it, the shell's parts are kept on disk between runs. */
  codeHash?: string;
  /** The folder the shell's parts are kept in (tests); by default the tool's cache folder (shell-cache.ts). */
  cacheDir?: string;
  /** The parts, when the caller has them already (a Word worker thread gets them with its jobs). */
  parts?: ShellParts;
}

/**
 * What the Word files of one style map have in common, formatted and compressed once: created by whoever writes a
 * series of Word files with that style map (a worker thread, a build) and dropped with it; never a module-level
 * cache. The parts are formatted by the docx package (shell-template.ts, loaded only then) or read from the disk
 * cache (shell-cache.ts). A compressed part is reused only when its text is exactly the one compressed before.
 */
export class DocxPackageShell {
  private readonly entries = new Map<string, Map<string, ZipEntry>>();
  private known: Promise<ShellParts> | undefined;
  /** The names of the parts every document shares, once the parts are known. */
  private shared: ReadonlySet<string> = new Set();

  constructor(
    readonly styleMap: StyleMap,
    private readonly options: ShellOptions = {},
  ) {
    if (options.parts) this.known = Promise.resolve(this.learn(options.parts));
  }

  /** The shell's parts: given, cached on disk, or formatted now by the docx package (and cached). */
  parts(): Promise<ShellParts> {
    this.known ??= this.load().then((parts) => this.learn(parts));
    return this.known;
  }

  private learn(parts: ShellParts): ShellParts {
    this.shared = new Set(Object.keys(parts.shared));
    return parts;
  }

  private async load(): Promise<ShellParts> {
    const { codeHash, cacheDir } = this.options;
    const at = codeHash === undefined ? undefined : { styleMap: this.styleMap, codeHash, folder: cacheDir };
    const cached = at && readCachedShell(at);
    if (cached) return cached;
    const { computeShellParts } = await import('./shell-template.js');
    const parts = computeShellParts(this.styleMap);
    if (at) writeCachedShell(at, parts);
    return parts;
  }

  /** The compressed entry of a part: from the shell when it is a shared part seen before, otherwise compressed now. */
  entry(name: string, text: string | undefined, bytes: () => Uint8Array): ZipEntry {
    if (text === undefined || !this.shared.has(name)) return compressEntry(name, bytes());
    let variants = this.entries.get(name);
    if (!variants) this.entries.set(name, (variants = new Map()));
    const known = variants.get(text);
    if (known) return known;
    const entry = compressEntry(name, bytes());
    if (variants.size < VARIANTS_PER_PART) variants.set(text, entry);
    return entry;
  }
}
