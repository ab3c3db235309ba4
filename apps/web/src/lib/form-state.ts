import type { PersonalDataKind } from '@peerdesk/domain';

/** One message per field, keyed by the field's name (the API's `extensions.fields`, or the web's own check). */
export type FieldErrors = Record<string, string>;

/**
 * What every form action answers (`formAction` in $lib/server/forms.ts writes it, pages read it with
 * `formState`). `form` names which of a page's forms was sent, since several forms share a page.
 */
export interface FormAnswer {
  form: string;
  /** Done: what to tell the person. */
  success?: string;
  /** Refused: the message for the whole form. */
  message?: string;
  /** Refused: each field's message, shown beside its field. */
  fields?: FieldErrors;
  /** What was typed, so the form keeps it after a refusal or a preview (also without JavaScript). */
  values?: Record<string, string>;
  /** A Markdown editor's preview, rendered by the API. */
  preview?: string;
  /** Held back before posting: what in the text looks like personal data (PersonalDataWarning shows it). */
  personalData?: PersonalDataFind[];
}

/** One thing in a post that looks like personal data, as the warning shows it: masked, never in full. */
export interface PersonalDataFind {
  kind: PersonalDataKind;
  /** "an e-mail address", "a phone number"… */
  label: string;
  /** "j***@example.com" */
  masked: string;
}

/** The field that "Post publicly anyway" sends: the person saw the personal-data warning and posts all the same. */
export const PERSONAL_DATA_CONFIRMED = 'personalDataConfirmed';

export interface FormState extends FormAnswer {
  fields: FieldErrors;
  values: Record<string, string>;
}

/** The answer to the form called `name`, or null when another form of the page (or none) was sent. */
export function formState(form: FormAnswer | null | undefined, name: string): FormState | null {
  if (form?.form !== name) return null;
  return { ...form, fields: form.fields ?? {}, values: form.values ?? {} };
}
