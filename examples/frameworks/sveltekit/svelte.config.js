// Every page is prerendered (rendered on the server at build time) into build/, then hydrated.
import adapter from '@sveltejs/adapter-static';

export default {
  kit: { adapter: adapter({ pages: 'dist', assets: 'dist' }) },
};
