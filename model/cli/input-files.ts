/** Reading the files a user names on the command line; every failure becomes an InputFailure (exit code 2). */
import { readFileSync } from "node:fs";

/** Bad input from the user (a file that cannot be read or does not validate): exit code 2 with the message. */
export class InputFailure extends Error {}

export function readInputFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    throw new InputFailure(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
