/**
 * Statements with many parameters name them: `:from`, `:categoryId`. This turns the names into PostgreSQL's `$1, $2, …`
 * and the values into the array pg takes, numbered in the order the names first appear (a name used twice is one
 * parameter), so nobody counts `$n` across fragments or keeps their meaning in comments. Casts (`::bigint`), quoted
 * strings and identifiers, and `--` comments are left alone. A name without a value throws; values no name uses are
 * left out, so a statement assembled from optional parts can take every value it might need.
 */
export function positional(text: string, values: Readonly<Record<string, unknown>>): [string, unknown[]] {
  const numbers = new Map<string, number>();
  const ordered: unknown[] = [];
  const converted = text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|::|:([A-Za-z_]\w*)/g, (token, name: string | undefined) => {
    if (name === undefined) return token;
    if (!Object.hasOwn(values, name)) throw new Error(`The statement names :${name}, which has no value.`);
    let number = numbers.get(name);
    if (number === undefined) {
      ordered.push(values[name]);
      number = ordered.length;
      numbers.set(name, number);
    }
    return `$${number}`;
  });
  return [converted, ordered];
}
