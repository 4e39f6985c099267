// ---- partner-roi: the classic script's start ----
// Appended by `cargo xtask dist` after element.js in the embed bundle and the offline file
// (not in the npm package, whose entries do this themselves): define the element, offer the
// PartnerRoi global (a second copy of the bundle keeps the first's), and start loading the
// wasm at once, while the page below the script is parsed.
partnerRoiDefine();
globalThis.PartnerRoi ??= partnerRoiApi;
partnerRoiLoad();
