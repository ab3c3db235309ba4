/** `--name value` and `--flag` pairs from argv; unknown names are an error so typos never pass silently. */
export function parseArgs(argv: string[], known: { values: string[]; flags: string[] }): Record<string, string | true> {
  const parsed: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--')) throw new Error(`Unexpected argument "${argv[i]}"`);
    if (known.flags.includes(name)) parsed[name] = true;
    else if (known.values.includes(name)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
      parsed[name] = value;
    } else {
      throw new Error(`Unknown option --${name}; known: ${[...known.values, ...known.flags].map((n) => `--${n}`).join(', ')}`);
    }
  }
  return parsed;
}
