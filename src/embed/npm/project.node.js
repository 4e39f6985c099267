// `partner-roi/project` under Node: the headless API, its wasm read from disk (wasm-file.js).
import './wasm-file.js';

export { PartnerRoi } from './core.js';
