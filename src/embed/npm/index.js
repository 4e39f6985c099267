// `partner-roi`: defines <partner-roi> and exports the headless API.
import './define.js';

export { defineElement, PartnerRoi } from './core.js';
