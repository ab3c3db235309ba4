import { Marked } from 'marked';
// Vite embeds the repository's document when the web app is built, so the page always matches the code it ships with.
import source from '../../../../../../docs/metrics.md?raw';
import type { PageServerLoad } from './$types';

// Our own document, not user content: rendered once, as written (no sanitizing needed). Each table gets a
// frame of its own to scroll in, so a wide one does not widen the page (a table with display: block loses its semantics).
const html = new Marked({ gfm: true })
  .parse(source, { async: false })
  .replaceAll('<table>', '<div class="table-frame"><table>')
  .replaceAll('</table>', '</table></div>');

export const load: PageServerLoad = () => ({ html });
