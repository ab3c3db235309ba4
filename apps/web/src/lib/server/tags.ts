import { normalizeTags } from '@peerdesk/domain';

/** "router, wi-fi  setup" → ["router", "wi-fi", "setup"], as the API stores them; the API validates each tag. */
export function parseTags(raw: string): string[] {
  return normalizeTags(raw.split(/[,\s]+/));
}
