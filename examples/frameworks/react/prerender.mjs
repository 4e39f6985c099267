// Server rendering at build time: imports the SSR bundle (and, as a server would, the
// partner-roi package, which must do nothing in Node), renders the page with
// renderToString and writes it into dist/ssr.html, which the client then hydrates.
import { readFile, writeFile } from 'node:fs/promises';
import 'partner-roi';
import { render } from './dist-server/entry-server.js';

const page = await readFile('dist/ssr.html', 'utf8');
if (!page.includes('<!--app-->')) throw new Error('dist/ssr.html lacks <!--app-->');
await writeFile('dist/ssr.html', page.replace('<!--app-->', render()));
console.log('prerender: wrote dist/ssr.html');
