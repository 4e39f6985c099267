// `partner-roi/project`: the projection without an element (PartnerRoi.project and
// PartnerRoi.levers); importing it defines nothing.
export { PartnerRoi } from './core.js';
