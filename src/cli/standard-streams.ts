import { fstatSync, statSync, writeSync } from 'node:fs';

/**
 * Standard output and error written without process.stdout and process.stderr while they are files or pipes: making
 * either stream loads node:tty, node:net and the stream modules, ≈ 5–10 ms of a run that takes ≈ 100 ms when nothing
 * changed (the fast path, fast-path.ts) and a few percent of a one-meeting build. A terminal is asked through
 * node:tty, as the streams would; the writes are synchronous, as the streams' are for files and pipes on Linux and
 * macOS, so the order of what is printed stays the same.
 */
export type StandardFd = 1 | 2;

/**
 * Whether a standard stream is a terminal. A file, pipe or socket is told by fstat, and so is /dev/null (a character
 * device, where benchmarks send the output), without loading node:tty; any other character device is asked.
 */
export function isTerminal(fd: StandardFd): boolean {
  let stream;
  try {
    stream = fstatSync(fd);
  } catch {
    return false;
  }
  if (!stream.isCharacterDevice()) return false;
  const nul = statSync('/dev/null', { throwIfNoEntry: false });
  if (nul && nul.dev === stream.dev && nul.ino === stream.ino && nul.rdev === stream.rdev) return false;
  return process.getBuiltinModule('node:tty').isatty(fd);
}

/**
 * A writer of a standard stream: synchronous writes to its descriptor, everything written. Once the descriptor refuses
 * (a full non-blocking pipe, EAGAIN, or a closed one), the stream writes the rest and everything after, in order.
 */
export function standardWriter(fd: StandardFd): (data: string | Uint8Array) => void {
  let stream: NodeJS.WriteStream | undefined;
  return (data) => {
    if (stream) return void stream.write(data);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let done = 0;
    try {
      while (done < bytes.byteLength) done += writeSync(fd, bytes, done);
    } catch {
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.write(bytes.subarray(done));
    }
  };
}
