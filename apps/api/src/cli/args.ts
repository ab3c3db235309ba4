/**
 * `--name value`, `--name=value`, `--flag` and `--option[=value]` from argv; unknown names are an error so
 * typos never pass silently. `optional` names stand alone (true) or carry a value after `=`.
 */
export function parseArgs(
  argv: string[],
  known: { values: string[]; flags: string[]; optional?: string[] },
): Record<string, string | true> {
  const optional = known.optional ?? [];
  const parsed: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`Unexpected argument "${argv[i]}"`);
    const [name, inline] = splitOnce(argv[i].slice(2));
    if (optional.includes(name)) parsed[name] = inline ?? true;
    else if (known.flags.includes(name) && inline === undefined) parsed[name] = true;
    else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
      parsed[name] = value;
    } else if (known.flags.includes(name)) {
      throw new Error(`--${name} takes no value`);
    } else {
      throw new Error(`Unknown option --${name}; known: ${[...known.values, ...optional, ...known.flags].map((n) => `--${n}`).join(', ')}`);
    }
  }
  return parsed;
}

function splitOnce(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at < 0 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}
