// `partner-roi/define`: defines <partner-roi> (once; harmless on a server, where it does
// nothing) and the PartnerRoi global. The wasm is fetched by the first connected element.
import { defineElement, PartnerRoi } from './core.js';

defineElement();
globalThis.PartnerRoi ??= PartnerRoi;
