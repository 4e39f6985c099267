// `partner-roi` under Node: the `.` entry (index.js), its wasm read from disk (wasm-file.js).
import './wasm-file.js';
import './define.js';

export { defineElement, PartnerRoi } from './core.js';
