/**
 * The one way a user's file is read from disk (Node only: the CLI and the Electron main process).
 *
 * - Regular files only. The file is opened non-blocking and checked on the open handle (fstat), so
 *   a named pipe cannot stall the open, and neither a pipe nor a device (/dev/zero, /dev/stdin)
 *   is read at all: either would hang or fill memory.
 * - The size is checked before a byte is read, and reading stops one byte past the limit in case
 *   the file grows meanwhile.
 * - Text is decoded by text-decode.ts (BOM, UTF-16, invalid bytes), the same module the browser uses.
 */
import { constants as fsConstants, closeSync, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import { decodeText } from "./text-decode";

/** Scenario JSON (and autosave text); the app's PLATFORM_LIMITS.maxScenarioBytes is the same. */
export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

/** A file that cannot be used. `message` is a predicate ("is a directory, not a file"); callers prefix the file's name. */
export class FileReadError extends Error {
  constructor(
    message: string,
    /** The fs error code (ENOENT, EACCES, ...) when the operating system refused. */
    readonly code?: string,
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

const MB = 1024 * 1024;
const O_NONBLOCK = fsConstants.O_NONBLOCK ?? 0;

export function formatMegabytes(bytes: number): string {
  return bytes >= 10 * MB || bytes % MB === 0 ? `${Math.round(bytes / MB)} MB` : `${(bytes / MB).toFixed(1)} MB`;
}

/** What a file that is not a regular one is, for "is a named pipe (FIFO), not a regular file" (reading and writing). */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "an unknown kind of file";
}

function tooLarge(maxBytes: number, size?: number): FileReadError {
  return new FileReadError(
    `is larger than ${formatMegabytes(maxBytes)} (the limit)${size === undefined ? "" : `: ${size.toLocaleString("en-US")} bytes`}`,
  );
}

function checkStats(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new FileReadError(`is ${kindOf(stats)}, not a regular file`);
  if (stats.size > maxBytes) throw tooLarge(maxBytes, stats.size);
}

export function describeOsError(error: unknown): FileReadError {
  if (error instanceof FileReadError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return new FileReadError("does not exist", code);
    case "EACCES":
    case "EPERM":
      return new FileReadError("cannot be read: permission denied", code);
    case "EISDIR":
      return new FileReadError("is a folder, not a regular file", code);
    case "ELOOP":
      return new FileReadError("is a symbolic link that loops", code);
    default:
      return new FileReadError(`cannot be read (${code ?? (error as Error)?.message ?? String(error)})`, code);
  }
}

/**
 * Sized by the file's stated size plus one byte, grown (up to the limit plus one) when the file
 * says less than it holds (it grew, or it is a file like those under /proc that states 0).
 */
class GrowingBuffer {
  bytes: Uint8Array;
  length = 0;
  constructor(
    statedSize: number,
    private readonly maxBytes: number,
  ) {
    this.bytes = new Uint8Array(Math.min(statedSize, maxBytes) + 1);
  }
  room(): number {
    if (this.length === this.bytes.length) {
      if (this.length > this.maxBytes) throw tooLarge(this.maxBytes);
      const next = new Uint8Array(Math.min(Math.max(this.bytes.length * 2, 64 * 1024), this.maxBytes + 1));
      next.set(this.bytes);
      this.bytes = next;
    }
    return this.bytes.length - this.length;
  }
  advance(n: number): void {
    this.length += n;
  }
  done(): Uint8Array {
    if (this.length > this.maxBytes) throw tooLarge(this.maxBytes);
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads a regular file of at most `maxBytes`. Throws FileReadError. */
export function readRegularFileSync(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | O_NONBLOCK);
  } catch (error) {
    throw describeOsError(error);
  }
  try {
    const stats = fstatSync(fd);
    checkStats(stats, maxBytes);
    const buffer = new GrowingBuffer(stats.size, maxBytes);
    for (;;) {
      const room = buffer.room(); // first: it may replace buffer.bytes
      const n = readSync(fd, buffer.bytes, buffer.length, room, null);
      if (n === 0) return buffer.done();
      buffer.advance(n);
    }
  } catch (error) {
    throw describeOsError(error);
  } finally {
    closeSync(fd);
  }
}

export async function readRegularFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, fsConstants.O_RDONLY | O_NONBLOCK);
  } catch (error) {
    throw describeOsError(error);
  }
  try {
    const stats = await handle.stat();
    checkStats(stats, maxBytes);
    const buffer = new GrowingBuffer(stats.size, maxBytes);
    for (;;) {
      const room = buffer.room(); // first: it may replace buffer.bytes
      const { bytesRead } = await handle.read(buffer.bytes, buffer.length, room, null);
      if (bytesRead === 0) return buffer.done();
      buffer.advance(bytesRead);
    }
  } catch (error) {
    throw describeOsError(error);
  } finally {
    await handle.close();
  }
}

/** Reads and decodes a text file (text-decode.ts rules). Throws FileReadError. */
export function readTextFileSync(path: string, maxBytes = MAX_TEXT_FILE_BYTES): string {
  const decoded = decodeText(readRegularFileSync(path, maxBytes));
  if (!decoded.ok) throw new FileReadError(decoded.message);
  return decoded.text;
}
