/**
 * What people read when the API refuses, by `extensions.code`. VALIDATION_FAILED, FORBIDDEN and NOT_FOUND
 * keep the API's own words: only the API knows which rule refused ("You can't vote on your own post.") or
 * whether a thing was deleted or never existed. So does RATE_LIMITED when it says how long to wait
 * (`retryAfterSeconds`): "You have asked many questions in a short time. Please try again in 3 minutes."
 */
const READABLE: Record<string, string> = {
  CONFLICT: 'Someone changed this at the same time. Reload the page and try again.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
  API_UNAVAILABLE: 'The community service is not answering right now. Please try again in a minute.',
};

export function refusalMessage(code: string, apiMessage: string, extensions: Record<string, unknown> = {}): string {
  if (code === 'RATE_LIMITED' && typeof extensions.retryAfterSeconds === 'number') return apiMessage;
  return READABLE[code] ?? apiMessage;
}
