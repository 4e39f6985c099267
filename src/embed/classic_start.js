// ---- partner-roi: the classic script's start ----
// Appended by `cargo xtask dist` after element.js in the embed bundle and the offline file
// (not in the npm package, whose entries do this themselves): define the element and offer
// the PartnerRoi global (a second copy of the bundle keeps the first's). The wasm is fetched
// by the first widget that starts (an eager one as it is parsed, a lazy one as it nears the
// viewport) or the first `PartnerRoi.ready`: a page whose widget is far below the fold
// downloads none of it until the visitor scrolls there.
partnerRoiDefine();
globalThis.PartnerRoi ??= partnerRoiApi;
