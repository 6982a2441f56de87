import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';

/** Image types both writers can place: the Word writer embeds these, browsers show them. */
export const FIGURE_TYPES = ['png', 'jpg', 'gif', 'bmp'] as const;

/** Where a figure path written in Markdown leads: a file inside data/, or why not. */
export type FigureTarget = { absolute: string } | { problem: 'outside-data' | 'missing' | 'not-image' };

/** Whether `inner` is `outer` or below it. */
function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(outer, inner);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** A regular file holding an image of a supported type (a text file saved as .png crashed the Word writer). */
function isSupportedImage(file: string): boolean {
  if (!statSync(file).isFile()) return false;
  try {
    const size = imageSize(readFileSync(file));
    return (FIGURE_TYPES as readonly string[]).includes(size.type ?? '') && (size.width ?? 0) > 0 && (size.height ?? 0) > 0;
  } catch {
    return false;
  }
}

/**
 * The path inside data/ a figure path written in Markdown names, before any symlink is followed; or why it names none
 * (a URL, an absolute path, a path that leaves data/, %-escapes that do not decode). Pure: it reads no file.
 */
export function figureCandidate(dataDir: string, src: string): string | { problem: 'outside-data' | 'missing' } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || path.isAbsolute(src)) return { problem: 'outside-data' };
  let decoded: string;
  try {
    decoded = decodeURI(src);
  } catch {
    return { problem: 'missing' };
  }
  const absolute = path.resolve(dataDir, 'incidents', decoded);
  return isInside(dataDir, absolute) ? absolute : { problem: 'outside-data' };
}

/**
 * Resolves a figure path as written in Markdown (relative to data/meetings or data/incidents, e.g.
 * "../figures/x.png"). A path that leaves data/, also through a symlink, is refused; one whose %-escapes do not
 * decode names no file; a file that is not a regular file holding a PNG, JPEG, GIF or BMP image is refused.
 */
export function figureTarget(dataDir: string, src: string): FigureTarget {
  const candidate = figureCandidate(dataDir, src);
  if (typeof candidate !== 'string') return candidate;
  const absolute = candidate;
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { problem: 'missing' };
  }
  if (!isInside(realpathSync(dataDir), real)) return { problem: 'outside-data' };
  return isSupportedImage(real) ? { absolute } : { problem: 'not-image' };
}

/** The absolute path of a figure inside data/, or undefined when it leaves data/, is missing or is not an image. */
export function resolveFigure(dataDir: string, src: string): string | undefined {
  const target = figureTarget(dataDir, src);
  return 'absolute' in target ? target.absolute : undefined;
}
