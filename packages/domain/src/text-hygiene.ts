import type { FieldError } from './errors';

/**
 * What text the API accepts, in every string argument and input field (the API checks every request
 * against this before any resolver runs). Control characters are refused, never stripped: a NUL byte or an
 * escape sequence in a title is a client bug or an attack, and silently changing what someone sent would
 * hide it. Tab, line feed and carriage return are text in the fields people write in several lines (and in
 * passwords, which may have been chosen with them); in every other field (titles, names, tags, e-mail
 * addresses, ids, search queries) they are refused too.
 */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['body', 'description', 'reason', 'note', 'message', 'password']);

/** C0 controls but tab, LF and CR; DEL; C1 controls. PostgreSQL refuses NUL in text outright. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;

/** The problem with one string sent as `field`, or null when it is acceptable text. */
export function textProblem(field: string, value: string): FieldError | null {
  if (CONTROL.test(value)) return { field, message: 'must not contain control characters (such as NUL bytes or escape codes).' };
  if (!MULTI_LINE_FIELDS.has(field) && LINE_BREAK_OR_TAB.test(value)) return { field, message: 'must be a single line, without tabs or line breaks.' };
  return null;
}

/**
 * Every string inside a value sent as `field` (objects name their own fields, lists keep their field's
 * name), checked with textProblem; one error per offending field.
 */
export function textProblems(field: string, value: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const walk = (name: string, v: unknown): void => {
    if (typeof v === 'string') {
      const problem = textProblem(name, v);
      if (problem && !problems.some((p) => p.field === problem.field)) problems.push(problem);
    } else if (Array.isArray(v)) {
      for (const item of v) walk(name, item);
    } else if (v !== null && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) walk(key, inner);
    }
  };
  walk(field, value);
  return problems;
}
