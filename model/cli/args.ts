/** A small, strict argument parser: unknown flags are errors, not silently ignored. */
export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
}

export class UsageError extends Error {
  constructor(
    message: string,
    /** False where the message says all there is to fix (a bad value): the whole help would bury it. */
    readonly showUsage = true,
  ) {
    super(message);
  }
}

export function parseArgs(argv: readonly string[], booleanFlags: readonly string[], valueFlags: readonly string[]): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (booleanFlags.includes(name)) {
      flags.add(name);
    } else if (valueFlags.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { flags, values };
}
