// ---- partner-roi: the <partner-roi> custom element and the PartnerRoi global ----
// Appended by `cargo xtask dist` to the wasm-bindgen glue (same module scope: it uses
// __wbg_init, initSync, WidgetElement and projectForHost from above). Lifecycle calls
// and properties are forwarded to the Rust WidgetElement (src/embed/element.rs).

const partnerRoiLoaded = { done: false };

// Base64 to bytes: the native decoder where there is one, else a plain loop (a callback per
// byte, as in Uint8Array.from(…, fn), costs tens of milliseconds on 600 KB).
function partnerRoiDecodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
const partnerRoiReady = (async () => {
  if (typeof PARTNER_ROI_INLINE_WASM === 'string') {
    // Single-file build: the wasm travels inside this file as base64.
    initSync({ module: partnerRoiDecodeBase64(PARTNER_ROI_INLINE_WASM) });
  } else {
    // Embed bundle: partner-roi_bg.wasm next to this script (import.meta.url).
    await __wbg_init();
  }
  partnerRoiLoaded.done = true;
})();

const PARTNER_ROI_ATTRIBUTES = [
  'program-src', 'inputs', 'locale', 'currency', 'horizon', 'presenter', 'allow-program-file',
];
const PARTNER_ROI_PROPERTIES = ['program', 'inputs'];

class PartnerRoiElement extends HTMLElement {
  static get observedAttributes() {
    return PARTNER_ROI_ATTRIBUTES;
  }

  #widget = null;
  #pending = [];

  constructor() {
    super();
    // Properties set before the element was upgraded shadow our accessors: replay them.
    for (const name of PARTNER_ROI_PROPERTIES) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  #whenReady(call) {
    if (partnerRoiLoaded.done) {
      call(this.#ensureWidget());
    } else {
      this.#pending.push(call);
      partnerRoiReady.then(() => {
        const widget = this.#ensureWidget();
        for (const pending of this.#pending.splice(0)) pending(widget);
      });
    }
  }

  #ensureWidget() {
    if (!this.#widget) this.#widget = new WidgetElement(this);
    return this.#widget;
  }

  connectedCallback() {
    this.#whenReady((widget) => widget.connected());
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue && this.#widget) this.#widget.attributeChanged(name);
  }

  get program() {
    return this.#widget ? this.#widget.program() : null;
  }

  set program(value) {
    this.#whenReady((widget) => widget.setProgram(value));
  }

  get inputs() {
    return this.#widget ? this.#widget.inputs() : null;
  }

  set inputs(value) {
    this.#whenReady((widget) => widget.setInputs(value));
  }

  get result() {
    return this.#widget ? this.#widget.result() : null;
  }
}

if (!customElements.get('partner-roi')) {
  customElements.define('partner-roi', PartnerRoiElement);
}

if (!globalThis.PartnerRoi) {
  globalThis.PartnerRoi = Object.freeze({
    ready: partnerRoiReady,
    project(program, inputs) {
      if (!partnerRoiLoaded.done) {
        throw new Error('PartnerRoi is still loading: await PartnerRoi.ready first');
      }
      return projectForHost(program ?? null, inputs ?? null);
    },
  });
}
