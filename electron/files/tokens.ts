/**
 * Opaque file tokens. The renderer names files only by these; the main process maps them to paths.
 * A token is issued ONLY for a path the user chose in an open/save dialog, or for a path already on
 * the recent-files list (which itself only ever holds dialog choices). Nothing the renderer sends
 * can add an entry, so a compromised renderer cannot read or overwrite an arbitrary file.
 */
import { randomBytes } from "node:crypto";

/** 24 random bytes as base64url: 32 characters matching TOKEN_PATTERN in ipc/validate.ts. */
export function newFileToken(): string {
  return randomBytes(24).toString("base64url");
}

export class FileTokens {
  readonly #byToken = new Map<string, string>();
  readonly #byPath = new Map<string, string>();
  readonly #newToken: () => string;

  constructor(newToken: () => string = newFileToken) {
    this.#newToken = newToken;
  }

  /** The token for a user-chosen path; the same path keeps the same token for the whole session. */
  issue(path: string): string {
    const existing = this.#byPath.get(path);
    if (existing !== undefined) return existing;
    let token = this.#newToken();
    while (this.#byToken.has(token)) token = this.#newToken();
    this.#byToken.set(token, path);
    this.#byPath.set(path, token);
    return token;
  }

  resolve(token: string): string | undefined {
    return this.#byToken.get(token);
  }
}
