// ---- partner-roi: the <partner-roi> custom element and the PartnerRoi global ----
// Appended by `cargo xtask dist` after the wasm-bindgen glue, which xtask wraps in
// `partnerRoiGlue()`: each call returns a fresh copy of the glue, with its own wasm instance
// once initialised. Every element runs in an instance of its own, so a panic stops only that
// widget: its instance is retired, the element shows an apology with "Reload widget", and a
// new instance takes over on request. Lifecycle calls and properties are forwarded to the
// Rust WidgetElement (src/embed/element.rs); panics arrive from src/embed/panic_report.rs.
// Every tag, attribute, property and event name comes from PARTNER_ROI_NAMES, which
// `cargo xtask dist` writes before this code from crates/host/src/names.rs (xtask/src/names_js.rs):
// write none of them here (an xtask test checks).

// Two wrappers use this code (`cargo xtask dist`). The embed bundle is a classic script
// (one function): in the page's <head> it defines the element before the page below it is
// parsed, so each widget's skeleton is in the page's first frame. It also runs as a module,
// for pages that load it so. The npm package (dist/npm/) is an ES module that does nothing at
// import: its entries define the element. Either way the wasm is fetched by the first widget
// that starts or the first headless call. Nothing here touches the DOM before that, so a
// server (Node, no DOM) can import it.

/**
 * Where the classic script was loaded from, for `partner-roi_bg.wasm` beside it: the running
 * script, or (as a module, which has no `currentScript`) the page's last script of this name.
 * The npm package's glue finds its wasm through `import.meta.url` instead.
 */
const PARTNER_ROI_SCRIPT_URL = typeof document === 'undefined' ? undefined : (document.currentScript?.src
  || [...document.querySelectorAll('script[src]')]
    .map((script) => script.src)
    .findLast((src) => src.split('#')[0].split('?')[0].endsWith(`/${PARTNER_ROI_NAMES.bundleFile}`))
  || document.baseURI);

/**
 * What every instance shares: the compiled module, the stylesheet, the loader's instance
 * until someone takes it (`spare`), PartnerRoi.project's instance (started by its first
 * call), the count of widgets started (their number keeps element ids apart), the
 * skeleton's sheet, the observer that starts lazy widgets near the viewport, the one that
 * tells a widget it came into view, whether
 * `Intl` was warmed, the wasm's loading (its promise, whether its fetch has started),
 * where the page said the wasm is (`PartnerRoi.configure`), the language files (each one's
 * loading, tag → promise, and what came of it, tag → its text or null) and the program
 * files fetched as widgets started (URL → the promise of its response).
 */
const partnerRoiShared = {
  module: null, sheet: null, spare: null, service: null, widgets: 0, skeleton: null, nearViewport: null, inView: null,
  intlWarmed: false, loading: null, started: false, wasm: null, languageFiles: new Map(), languageTexts: new Map(), programFiles: new Map(),
};

/**
 * The texts this script shows for `element` (PARTNER_ROI_TEXTS, written by `cargo xtask
 * dist` from crates/i18n/catalogues/*.txt): in the language of its own or its nearest ancestor's `lang`,
 * else the visitor's first the widget speaks, else English. Each tag is looked up as the
 * widget's `Language::matching` does, in its table (PARTNER_ROI_LANGUAGES): by its lookup key,
 * then by that key's base language (`de-AT` → `de`, `pt` → `pt-BR`).
 */
function partnerRoiTexts(element) {
  return PARTNER_ROI_TEXTS[partnerRoiLanguageOf(element)];
}

/** The tag of the language `element` speaks, as [`partnerRoiTexts`] chooses it. */
function partnerRoiLanguageOf(element) {
  const lang = PARTNER_ROI_NAMES.attributes.lang;
  const wanted = [element.closest(`[${lang}]`)?.getAttribute(lang), ...(navigator.languages ?? [])];
  const languageOf = (key) => (Object.hasOwn(PARTNER_ROI_LANGUAGES, key) ? PARTNER_ROI_LANGUAGES[key] : undefined);
  for (const tag of wanted) {
    // i18n::lookup_key: trimmed, lower case, `_` written `-`.
    const key = (tag ?? '').trim().toLowerCase().replaceAll('_', '-');
    const found = languageOf(key) ?? languageOf(key.split('-')[0]);
    if (found) return found;
  }
  return 'en';
}

/** The name of language `tag`'s file: `partner-roi.de.json`. */
function partnerRoiLanguageFileName(tag) {
  const name = PARTNER_ROI_NAMES.languageFile;
  return name.replace('{tag}', tag);
}

/**
 * The file of language `tag` (`partner-roi.de.json`, src/embed/language_files.rs): its text,
 * or null when it cannot be had (said in the console: the widget speaks English). Loaded
 * once a page: fetched beside this script, imported beside the npm package's module, or
 * taken from the single-file page (PARTNER_ROI_INLINE_LANGUAGES). English is in the wasm.
 */
function partnerRoiLanguageFile(tag) {
  const { languageFiles, languageTexts } = partnerRoiShared;
  if (!languageFiles.has(tag)) {
    const file = partnerRoiLanguageFileName(tag);
    const loading = (async () => {
      if (PARTNER_ROI_INLINE_LANGUAGES !== null) {
        if (Object.hasOwn(PARTNER_ROI_INLINE_LANGUAGES, tag)) return PARTNER_ROI_INLINE_LANGUAGES[tag];
        throw new Error('this page has no such language');
      }
      if (PARTNER_ROI_LANGUAGE_MODULE !== null) return (await PARTNER_ROI_LANGUAGE_MODULE(tag)).default;
      const response = await fetch(new URL(file, PARTNER_ROI_SCRIPT_URL));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    })();
    languageFiles.set(tag, loading.then(
      (text) => {
        languageTexts.set(tag, text);
        return text;
      },
      (error) => {
        console.warn(`partner-roi: ${file} could not load (${error instanceof Error ? error.message : error}); the widget speaks English`);
        languageTexts.set(tag, null);
        return null;
      },
    ));
  }
  return languageFiles.get(tag);
}

/**
 * The program's own header for the skeleton, from `program` (a program document): its
 * vendor, name and description, in language `tag` where its `translations` has them. Null
 * when it has no name, or a text that is not one or is over its program limit: then the
 * skeleton stays grey, and the wasm, which alone validates, says what is wrong.
 */
function partnerRoiHeaderOf(program, tag) {
  if (program === null || typeof program !== 'object') return null;
  const translations = program.translations;
  const own = translations !== null && typeof translations === 'object' && Object.hasOwn(translations, tag)
    ? translations[tag] : null;
  const header = {};
  for (const [field, limit] of Object.entries(PARTNER_ROI_NAMES.headerLimits)) {
    const translated = own !== null && typeof own === 'object' && typeof own[field] === 'string';
    const text = translated ? own[field] : program[field];
    if (text === undefined) continue;
    if (typeof text !== 'string' || [...text].length > limit) return null;
    header[field] = text;
  }
  return header.name?.trim() ? header : null;
}

/** The program of `element`'s embedded document, as the skeleton's header; null without one. */
function partnerRoiEmbeddedHeader(element) {
  const text = element.querySelector(PARTNER_ROI_NAMES.configScript)?.textContent;
  if (!text) return null;
  try {
    return partnerRoiHeaderOf(JSON.parse(text)?.program, partnerRoiLanguageOf(element));
  } catch {
    return null;
  }
}

/**
 * Puts the program's `header` in place of the grey title and text of `skeleton`: as text
 * (`textContent`), never as HTML, so that the first large paint is the vendor's own words.
 */
function partnerRoiShowHeader(skeleton, header) {
  const blocks = skeleton.querySelectorAll('.skeleton-title, .skeleton-text, .skeleton-header');
  if (blocks.length === 0) return;
  const document = skeleton.ownerDocument;
  const box = document.createElement('div');
  box.className = 'skeleton-header';
  for (const field of ['vendor', 'name', 'description']) {
    if (header[field] === undefined) continue;
    const line = document.createElement('p');
    line.className = `skeleton-${field}`;
    line.textContent = header[field];
    box.append(line);
  }
  blocks[0].replaceWith(box);
  for (const block of [...blocks].slice(1)) block.remove();
}

/**
 * The skeleton every element shows from its first frame until its results are drawn
 * (styles/skeleton.css): the widget's layout in grey blocks, about as tall, so that the
 * page does not move when the results arrive. Its sheet is built once, before the wasm.
 * Its label is in `texts`' language.
 */
function partnerRoiSkeleton(document, texts) {
  if (!partnerRoiShared.skeleton) {
    partnerRoiShared.skeleton = new CSSStyleSheet();
    partnerRoiShared.skeleton.replaceSync(PARTNER_ROI_SKELETON_CSS);
  }
  const block = (className) => {
    const node = document.createElement('div');
    node.className = className;
    return node;
  };
  const root = block('partner-roi-skeleton');
  root.setAttribute('role', 'status');
  const label = document.createElement('p');
  label.className = 'skeleton-label';
  label.textContent = texts.loading;
  const body = block('skeleton-body');
  const layout = block('skeleton-layout');
  const results = block('skeleton-results');
  for (let card = 0; card < 4; card += 1) results.append(block('skeleton-block skeleton-card'));
  layout.append(block('skeleton-block skeleton-inputs'), results);
  body.append(
    block('skeleton-block skeleton-title'),
    block('skeleton-block skeleton-text'),
    block('skeleton-block skeleton-toolbar'),
    layout,
  );
  root.append(label, body);
  return root;
}

/**
 * Starts fetching `element`'s `program-src` (once a page for each file), so that it comes in
 * parallel with the wasm instead of after it; [`partnerRoiProgramFile`] hands it over.
 */
function partnerRoiFetchProgram(element) {
  const src = element.getAttribute(PARTNER_ROI_NAMES.attributes.programSrc)?.trim();
  if (!src) return null;
  const url = new URL(src, element.ownerDocument.baseURI).href;
  if (!partnerRoiShared.programFiles.has(url)) {
    const response = fetch(url);
    // A failure is the widget's to report, when it takes the response.
    response.catch(() => {});
    partnerRoiShared.programFiles.set(url, response);
  }
  return partnerRoiShared.programFiles.get(url);
}

/**
 * The response to the program file at `url` (as `program-src` gives it) fetched when the
 * widget started, a copy for each widget that asks; null when none was (the widget fetches
 * it then: src/embed/program_fetch.rs).
 */
function partnerRoiProgramFile(url) {
  const response = partnerRoiShared.programFiles.get(new URL(url, document.baseURI).href);
  return response ? response.then((whole) => whole.clone()) : null;
}

/**
 * An instance of its own for a widget or PartnerRoi.project: the loader's instance the first
 * time, then new ones. After a panic it calls `onPanic(message)` and retires.
 */
function partnerRoiInstance(onPanic) {
  let glue = partnerRoiShared.spare;
  partnerRoiShared.spare = null;
  if (!glue) {
    glue = partnerRoiGlue();
    glue.initSync({ module: partnerRoiShared.module });
  }
  for (const [tag, text] of partnerRoiShared.languageTexts) {
    const warning = text === null ? undefined : glue.installLanguage(partnerRoiLanguageFileName(tag), text);
    if (warning) console.warn(warning);
  }
  glue.setPanicReporter((message) => {
    // Runs inside the panicking instance: no call back into it, and nothing may throw. The
    // instance is retired first thing after this call, before onPanic's own follow-up work
    // (which removes the widget's nodes, whose listeners would call into the instance).
    queueMicrotask(() => glue.retire());
    try {
      onPanic(message);
    } catch (error) {
      console.error(error);
    }
  });
  return glue;
}

function partnerRoiServicePanicked(message) {
  console.error(`partner-roi: PartnerRoi.project stopped after an internal error; the next call starts afresh.\n${message}`);
  partnerRoiShared.service = null;
}

/** Loads the wasm once, on the first call: the promise `PartnerRoi.ready` gives. */
function partnerRoiLoad() {
  partnerRoiShared.loading ??= (async () => {
    // A microtask later, so that a module importing an entry (imports run first, and may
    // connect an element) and then calling `configure` still says where the wasm is.
    await null;
    partnerRoiShared.started = true;
    const glue = partnerRoiGlue();
    if (typeof PARTNER_ROI_INLINE_WASM === 'string') {
      // Single-file build: the wasm travels inside this file gzipped, as base64.
      const bytes = await partnerRoiInflateWasm(PARTNER_ROI_INLINE_WASM);
      glue.initSync({ module: await WebAssembly.compile(bytes) });
    } else if (partnerRoiShared.wasm !== null) {
      // Where the page said, with `PartnerRoi.configure({wasm})`: a URL, a Response, bytes or a module.
      await glue.init({ module_or_path: partnerRoiShared.wasm });
    } else {
      // partner-roi_bg.wasm next to this script (PARTNER_ROI_SCRIPT_URL, or the module's URL).
      await glue.init().catch((error) => {
        // Without a DOM (a server, a script) the module's own URL is a file: fetch cannot read it.
        if (typeof document !== 'undefined') throw error;
        throw new Error(`partner-roi: cannot load its wasm here (${error instanceof Error ? error.message : error}): import the package by its name under Node (its \`node\` condition reads the wasm from disk), or call PartnerRoi.configure({ wasm }) with its bytes first`);
      });
    }
    // Loaded in <head>, the script runs before the page below it is parsed: each widget reads
    // its children (its configuration) once they are all there.
    const parsed = typeof document === 'undefined' || ['interactive', 'complete'].includes(document.readyState);
    if (!parsed) {
      await new Promise((resolve) => { document.addEventListener('DOMContentLoaded', resolve, { once: true }); });
    }
    partnerRoiShared.module = glue.compiledModule();
    // A server has no stylesheets (and no widgets): only the headless calls run there.
    partnerRoiShared.sheet = typeof CSSStyleSheet === 'function' ? glue.widgetStylesheet() : null;
    partnerRoiShared.spare = glue;
  })();
  return partnerRoiShared.loading;
}

/**
 * Makes the page's first `Intl.NumberFormat` (20–40 ms of locale data in a fresh tab) in a
 * task of its own, while the wasm loads, instead of inside the first widget's first render.
 * Once per page, when a widget starts (a lazy widget far below costs nothing before).
 */
function partnerRoiWarmIntl() {
  if (partnerRoiShared.intlWarmed) return;
  partnerRoiShared.intlWarmed = true;
  setTimeout(() => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(1.5), 0);
}

const PARTNER_ROI_FOCUSABLE = 'input, select, textarea, button, a[href], [tabindex]';

// A class only where there are elements: a server imports this file without defining it.
const PartnerRoiElement = typeof HTMLElement === 'function' ? class PartnerRoiElement extends HTMLElement {
  static get observedAttributes() {
    return PARTNER_ROI_NAMES.observedAttributes;
  }

  /** Starts every lazy widget on the page before it prints, so that the printout has figures. */
  static {
    window.addEventListener('beforeprint', () => {
      for (const element of document.querySelectorAll(PARTNER_ROI_NAMES.tag)) {
        if (element instanceof PartnerRoiElement) element.#start();
      }
    });
  }

  /** Watches lazy widgets; each starts once it is within a viewport's height of being seen. */
  static #nearViewport() {
    partnerRoiShared.nearViewport ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) entry.target.#start();
      }
    }, { rootMargin: '100% 0px' });
    return partnerRoiShared.nearViewport;
  }

  /** Tells each started widget, once, that it came into view (the analytics' view event). */
  static #inView() {
    partnerRoiShared.inView ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        partnerRoiShared.inView.unobserve(entry.target);
        entry.target.#cameIntoView();
      }
    });
    return partnerRoiShared.inView;
  }

  /** Tells the widget it is in view, once the wasm runs (after its connection, queued
   * first); a wasm that failed to load was reported already. */
  #cameIntoView() {
    const tell = () => this.#run((widget) => widget.inView());
    if (partnerRoiShared.module) tell();
    else partnerRoiLoad().then(tell, () => {});
  }

  /** Whether the widget was asked to start: at once, or when it neared the viewport. */
  #started = false;
  /** This element's glue and widget: null before the first start and after a panic. */
  #glue = null;
  #widget = null;
  #pending = [];
  /** The file of the page's language while it loads, before the widget first draws. */
  #language = null;
  #crashed = false;
  /** Property values the host set, replayed when the widget starts (a lazy one late) or is reloaded. */
  #properties = new Map();
  /** The share code of the latest figures, written by the widget (src/embed/resume_point.rs). */
  #resume = { code: null };
  /** The first results, for hosts that start listening after `partner-roi:ready` fired. */
  #ready = new Promise((resolve) => {
    this.addEventListener(PARTNER_ROI_NAMES.events.ready, (event) => resolve(event.detail), { once: true });
  });
  /** A share link opened in this tab changes only the fragment: the widget is told. */
  #onHashChange = () => {
    if (this.#widget) this.#run((widget) => widget.pageLinkChanged());
  };

  constructor() {
    super();
    // Properties set before the element was upgraded shadow our accessors: replay them.
    for (const name of Object.values(PARTNER_ROI_NAMES.properties)) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
  }

  #whenReady(call) {
    if (partnerRoiShared.module && this.#language === null) {
      this.#run(call);
      return;
    }
    this.#pending.push(call);
    // The page's language (fetched in parallel with the wasm) is installed before the
    // widget first draws, so that it never shows English first.
    Promise.all([partnerRoiLoad(), this.#language]).then(
      () => {
        this.#language = null;
        for (const pending of this.#pending.splice(0)) this.#run(pending);
      },
      (error) => {
        if (this.#pending.splice(0).length > 0) this.#loadFailed(error);
      },
    );
  }

  /** The wasm could not be loaded: say so in place (never a blank box) and tell the host. */
  #loadFailed(error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`partner-roi: the calculator could not load.\n${reason}`);
    const texts = partnerRoiTexts(this);
    this.#showAlert(texts.loadFailedTitle, texts.loadFailedText.replace('{reason}', reason), null);
    this.dispatchEvent(new CustomEvent(PARTNER_ROI_NAMES.events.error, {
      bubbles: true,
      composed: true,
      detail: { message: `The calculator could not load: ${reason}`, path: 'wasm' },
    }));
  }

  /** Calls into this element's widget, starting it first; a panic on the way is contained. */
  #run(call) {
    if (this.#crashed) return;
    try {
      if (!this.#widget) {
        const glue = partnerRoiInstance((message) => this.#panicked(glue, message));
        this.#glue = glue;
        partnerRoiShared.widgets += 1;
        this.#widget = new glue.WidgetElement(this, partnerRoiShared.widgets, partnerRoiShared.sheet, this.#resume, partnerRoiLanguageFile, partnerRoiProgramFile);
      }
      call(this.#widget);
    } catch (error) {
      // A trap (the panic was reported already) or an instance that could not start.
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      this.#panicked(this.#glue, error.message);
    }
  }

  /** The widget's instance panicked: stop using it, apologise in place and tell the host. */
  #panicked(glue, message) {
    if (this.#crashed || glue !== this.#glue) return;
    this.#crashed = true;
    this.#glue = null;
    this.#widget = null;
    queueMicrotask(() => {
      console.error(`partner-roi: this widget stopped after an internal error; "Reload widget" starts it again.\n${message}`);
      const texts = partnerRoiTexts(this);
      this.#showAlert(texts.panicTitle, texts.panicText, texts.reload);
      this.dispatchEvent(new CustomEvent(PARTNER_ROI_NAMES.events.error, {
        bubbles: true,
        composed: true,
        detail: { message: 'The calculator stopped after an internal error.', path: 'panic', panic: message },
      }));
    });
  }

  /** Replaces the widget with a title and a text, and a reload button if `reloadLabel`. */
  #showAlert(title, text, reloadLabel) {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (partnerRoiShared.sheet) shadow.adoptedStyleSheets = [partnerRoiShared.sheet];
    const hadFocus = shadow.activeElement !== null;
    const make = (tag, className, text) => {
      const node = this.ownerDocument.createElement(tag);
      node.className = className;
      node.textContent = text;
      return node;
    };
    const box = make('div', 'partner-roi partner-roi-status partner-roi-failed', '');
    box.setAttribute('role', 'alert');
    box.append(make('h2', 'program-name', title), make('p', '', text));
    shadow.replaceChildren(box);
    if (reloadLabel) {
      const reload = make('button', 'button-secondary', reloadLabel);
      reload.type = 'button';
      reload.addEventListener('click', () => this.#reload());
      box.append(reload);
      if (hadFocus) reload.focus();
    }
  }

  /** "Reload widget": a new instance, the host's properties again, the latest figures. */
  #reload() {
    this.#crashed = false;
    this.#drawSkeleton();
    // The first control that takes the focus (some are hidden at this width).
    this.addEventListener(PARTNER_ROI_NAMES.events.ready, () => {
      for (const control of this.shadowRoot.querySelectorAll(PARTNER_ROI_FOCUSABLE)) {
        control.focus();
        if (this.shadowRoot.activeElement === control) break;
      }
    }, { once: true });
    this.#startWidget();
  }

  /** Starts the widget unless it has been started (lazy widgets come here when they near the viewport). */
  #start() {
    if (this.#started) return;
    this.#started = true;
    const tag = partnerRoiLanguageOf(this);
    if (tag !== 'en') this.#language = partnerRoiLanguageFile(tag);
    const program = this.#properties.has(PARTNER_ROI_NAMES.properties.program) ? null : partnerRoiFetchProgram(this);
    // The program file's header, if it comes before the widget draws (an embedded
    // document's program comes first: it is drawn with the skeleton).
    program?.then((response) => (response.ok ? response.clone().json() : null))
      .then((document) => {
        const skeleton = this.shadowRoot?.querySelector('.partner-roi-skeleton');
        const header = partnerRoiHeaderOf(document, tag);
        if (skeleton && header && !partnerRoiEmbeddedHeader(this)) partnerRoiShowHeader(skeleton, header);
      })
      .catch(() => {});
    partnerRoiWarmIntl();
    partnerRoiShared.nearViewport?.unobserve(this);
    this.#startWidget();
  }

  /** Gives a new widget the properties the host set, then the page's configuration. */
  #startWidget() {
    const { program } = PARTNER_ROI_NAMES.properties;
    for (const [name, value] of this.#properties) {
      this.#whenReady((widget) => (name === program ? widget.setProgram(value) : widget.setInputs(value)));
    }
    if (this.isConnected) this.#whenReady((widget) => widget.connected());
    if (typeof IntersectionObserver === 'function') PartnerRoiElement.#inView().observe(this);
  }

  /** Whether to start without waiting to near the viewport: `loading="eager"`, presenter
   * mode, a share link in the page URL, or a browser without IntersectionObserver. */
  #startsAtOnce() {
    const { loading, presenter } = PARTNER_ROI_NAMES.attributes;
    return this.getAttribute(loading) === PARTNER_ROI_NAMES.eager
      || this.hasAttribute(presenter)
      || window.location.hash.includes(PARTNER_ROI_NAMES.shareParam)
      || typeof IntersectionObserver !== 'function';
  }

  /** Shows the skeleton in place of whatever the shadow root held, with the embedded
   * program's header once the element's children are parsed. */
  #drawSkeleton() {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const skeleton = partnerRoiSkeleton(this.ownerDocument, partnerRoiTexts(this));
    shadow.replaceChildren(skeleton);
    shadow.adoptedStyleSheets = [partnerRoiShared.skeleton];
    const showHeader = () => {
      const header = partnerRoiEmbeddedHeader(this);
      if (header && skeleton.isConnected) partnerRoiShowHeader(skeleton, header);
    };
    if (['interactive', 'complete'].includes(this.ownerDocument.readyState)) {
      showHeader();
    } else {
      this.ownerDocument.addEventListener('DOMContentLoaded', showHeader, { once: true });
    }
  }

  connectedCallback() {
    window.addEventListener('hashchange', this.#onHashChange);
    if (!this.shadowRoot) this.#drawSkeleton();
    if (this.#started) this.#whenReady((widget) => widget.connected());
    else if (this.#startsAtOnce()) this.#start();
    else PartnerRoiElement.#nearViewport().observe(this);
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.#onHashChange);
    if (!this.#started) partnerRoiShared.nearViewport?.unobserve(this);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    const tag = partnerRoiLanguageOf(this);
    if (this.#widget && name === PARTNER_ROI_NAMES.attributes.lang && tag !== 'en' && !partnerRoiShared.languageTexts.has(tag)) {
      // A new language: its file first, so that the widget goes from one language to the
      // other without showing English between them.
      partnerRoiLanguageFile(tag).then(() => this.#run((widget) => widget.attributeChanged(name)));
    } else if (this.#widget) this.#run((widget) => widget.attributeChanged(name));
    else if (this.isConnected && this.#startsAtOnce()) this.#start();
  }

  get program() {
    return this.#widget ? this.#widget.program() : null;
  }

  set program(value) {
    this.#properties.set(PARTNER_ROI_NAMES.properties.program, value);
    if (this.#started) this.#whenReady((widget) => widget.setProgram(value));
  }

  get inputs() {
    return this.#widget ? this.#widget.inputs() : null;
  }

  set inputs(value) {
    this.#properties.set(PARTNER_ROI_NAMES.properties.inputs, value);
    if (this.#started) this.#whenReady((widget) => widget.setInputs(value));
  }

  get result() {
    return this.#widget ? this.#widget.result() : null;
  }

  /** Resolves with the first `{inputs, result}`, as `partner-roi:ready` gives them, however late it is asked. */
  get ready() {
    return this.#ready;
  }
} : null;

/**
 * Defines the element, once: harmless where there is no `customElements` (a server) and
 * when another copy of the bundle on the page defined it first.
 */
function partnerRoiDefine() {
  if (PartnerRoiElement && typeof customElements !== 'undefined' && !customElements.get(PARTNER_ROI_NAMES.tag)) {
    customElements.define(PARTNER_ROI_NAMES.tag, PartnerRoiElement);
  }
}

/** The instance PartnerRoi's functions share, started by the first call after a panic. */
function partnerRoiService() {
  if (!partnerRoiShared.module) {
    partnerRoiLoad();
    throw new Error('PartnerRoi is still loading: await PartnerRoi.ready first');
  }
  partnerRoiShared.service ??= partnerRoiInstance(partnerRoiServicePanicked);
  return partnerRoiShared.service;
}

/**
 * `PartnerRoi`: the projection without an element. `ready` starts loading the wasm (once)
 * and resolves when `project` and `levers` can run; `configure({wasm})`, before that, says
 * where the wasm is (a URL, a Response, its bytes or a compiled module).
 */
const partnerRoiApi = Object.freeze({
  get ready() {
    return partnerRoiLoad();
  },
  configure({ wasm } = {}) {
    if (partnerRoiShared.started) throw new Error('PartnerRoi.configure: the wasm is already loading; configure before the first widget or call');
    partnerRoiShared.wasm = wasm ?? null;
  },
  project(program, inputs) {
    return partnerRoiService().projectForHost(program ?? null, inputs ?? null);
  },
  levers(program, inputs, tierId) {
    return partnerRoiService().leversForHost(program ?? null, inputs ?? null, tierId ?? null);
  },
});
