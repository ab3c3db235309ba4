import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Output goes to apps/web/build; run it with `node apps/web/build/index.js` (PORT, HOST, ORIGIN as adapter-node reads them).
    adapter: adapter({ out: 'build' }),
    // The domain's rules straight from their TypeScript sources (as the API's tests read them): one build fewer,
    // and the bundler sees its named exports. Server code only (loads, actions): the index brings the password
    // dictionary along, so markup gets the domain's figures from its page's load, and imports its types only.
    alias: { '@peerdesk/domain': '../../packages/domain/src/index.ts' },
    // A strict Content-Security-Policy: scripts only from this site, each inline one carrying the
    // response's nonce (SvelteKit adds it), nothing framing the site. hooks.server.ts adds the image
    // hosts allowed by IMAGE_HOSTS at run time. Styles allow inline attributes, which Svelte writes.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};

export default config;
