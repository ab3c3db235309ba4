import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // Output goes to apps/web/build; run it with `node apps/web/build/index.js` (PORT, HOST, ORIGIN as adapter-node reads them).
    adapter: adapter({ out: 'build' }),
  },
};

export default config;
