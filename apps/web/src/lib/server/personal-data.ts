import { fail } from '@sveltejs/kit';
import { findPersonalData, maskPersonalData, PERSONAL_DATA_LABELS } from '@peerdesk/domain';
import { PERSONAL_DATA_CONFIRMED, type PersonalDataFind } from '$lib/form-state';

/** What in `texts` looks like personal data, as the warning shows it (masked, each once). */
export function personalDataFinds(texts: readonly string[]): PersonalDataFind[] {
  const finds: PersonalDataFind[] = [];
  for (const find of texts.flatMap(findPersonalData)) {
    const shown = { kind: find.kind, label: PERSONAL_DATA_LABELS[find.kind], masked: maskPersonalData(find) };
    if (!finds.some((f) => f.kind === shown.kind && f.masked === shown.masked)) finds.push(shown);
  }
  return finds;
}

/**
 * Holds back a public post whose text looks like personal data (issue #16), before the API is asked:
 * `fail(400, { form, values, personalData })` keeps what was typed and lists what was found, masked, for
 * PersonalDataWarning, whose "Post publicly anyway" sends the form again with PERSONAL_DATA_CONFIRMED.
 * Null when nothing was found or the person already chose to post it. The API never refuses such text
 * (a support address may belong in a post), so this is the one check, made by every posting action.
 */
export function personalDataWarning(data: FormData, form: string, texts: readonly string[], values: Record<string, string>) {
  if (data.get(PERSONAL_DATA_CONFIRMED) === '1') return null;
  const personalData = personalDataFinds(texts);
  return personalData.length ? fail(400, { form, values, personalData }) : null;
}
