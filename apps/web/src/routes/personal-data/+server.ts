import { json } from '@sveltejs/kit';
import { LIMITS } from '@peerdesk/domain';
import { personalDataFinds } from '$lib/server/personal-data';
import type { RequestHandler } from './$types';

/** The longest text worth checking: a question's title, body and tags, or an edit's reason besides. */
const MAX_CHARACTERS = LIMITS.title.max + LIMITS.questionBody.max + 1_000;

/**
 * What looks like personal data in the texts being typed (`{ texts: string[] }`), for PersonalDataWarning's
 * early hint while someone writes; the form action checks again on posting, so this only saves a round trip.
 */
export const POST: RequestHandler = async ({ request }) => {
  const sent: unknown = await request.json().catch(() => null);
  const texts = (sent as { texts?: unknown } | null)?.texts;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) return json({ message: 'Send { "texts": [string] }.' }, { status: 400 });
  if (texts.reduce((sum, t) => sum + t.length, 0) > MAX_CHARACTERS) return json({ message: 'Too much text to check.' }, { status: 413 });
  return json(personalDataFinds(texts));
};
