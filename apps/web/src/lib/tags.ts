/** "router, wi-fi  setup" → ["router", "wi-fi", "setup"]; the API validates each tag. */
export function parseTags(raw: string): string[] {
  return raw.split(/[,\s]+/).map((tag) => tag.trim().toLowerCase()).filter(Boolean);
}
