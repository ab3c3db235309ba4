/** The noun in the right number for `count`: "view" for 1 (and -1), "views" for 0 or 2 (`many` when it is not one + s). */
export function noun(count: number, one: string, many = `${one}s`): string {
  return Math.abs(count) === 1 ? one : many;
}

/** "1 view", "3 views": a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${noun(count, one, many)}`;
}
