// Under Node (the package's `node` export condition): the wasm is read from beside this file
// when it is first needed, so that `await PartnerRoi.ready` works with no `configure`.
// Nothing is read at import; a `configure` of the page's own replaces this.
import { readFile } from 'node:fs/promises';
import { PartnerRoi } from './core.js';

const WASM_FILE = new URL('./partner-roi_bg.wasm', import.meta.url);

PartnerRoi.configure({
  wasm: {
    then(resolve, reject) {
      readFile(WASM_FILE).then(resolve, (error) => reject(new Error(
        `partner-roi: cannot read its wasm at ${WASM_FILE.pathname} (${error.message}): reinstall the package, or call PartnerRoi.configure({ wasm }) with its bytes first`,
      )));
    },
  },
});
