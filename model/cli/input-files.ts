/**
 * Reading the files a user names on the command line, through the reader the app's main process
 * uses too (model/io/read-file.ts): every failure becomes an InputFailure (exit code 2) naming the file.
 * The same for the files it writes (writeFailure).
 */
import { NotARegularFileError } from "../io/atomic-write";
import { FileReadError, readRegularFileSync, readTextFileSync, MAX_TEXT_FILE_BYTES } from "../io/read-file";

/** Bad input from the user (a file that cannot be read or does not validate): exit code 2 with the message. */
export class InputFailure extends Error {}

function named<T>(path: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof FileReadError) throw new InputFailure(`${path}: ${e.message}`);
    throw e;
  }
}

/** A text file (scenario JSON), decoded by the shared rules (BOM, UTF-16, invalid bytes). */
export function readInputFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): string {
  return named(path, () => readTextFileSync(path, maxBytes));
}

/** A file's bytes (a spreadsheet or CSV the importers decode themselves). */
export function readInputBytes(path: string, maxBytes: number): Uint8Array {
  return named(path, () => readRegularFileSync(path, maxBytes));
}

/** A file the CLI could not write, named, as an InputFailure (exit 2): the refusal's own words, else the OS error code. */
export function writeFailure(path: string, error: unknown): InputFailure {
  if (error instanceof NotARegularFileError) return new InputFailure(`${path}: ${error.message}`);
  return new InputFailure(`${path}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
}
