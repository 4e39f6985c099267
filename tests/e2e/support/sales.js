// Helpers for the sales-toolkit specs (sales-*.spec.js): reading a widget's state next to
// the engine's projection, typing and waiting for the figures to settle, the clipboard,
// PDF text and CSV parsing.
'use strict';

const { expect } = require('@playwright/test');

const DEFAULT_TIERS = ['Registered', 'Silver', 'Gold', 'Platinum'];
const DEFAULT_PROGRAM_ID = 'example-cloud';

/** Every label of a button the printed page must not show. */
const BUTTON_TEXTS = [
  'Copy link',
  'Copy summary',
  'Download CSV',
  'Print / Save as PDF',
  'Presenter mode',
  'Show year by year',
  'Showing year by year',
  'More assumptions',
  'Reset to defaults',
  'Load a program file',
];

/**
 * The widget's program, inputs and result (`el.program`, `el.inputs`, `el.result`) and the
 * engine's projection of that program and those inputs. `selector` is a document CSS
 * selector of the `<partner-roi program="example">` element.
 */
function widgetState(page, selector = 'partner-roi') {
  return page.evaluate(async (selector) => {
    await PartnerRoi.ready;
    const el = document.querySelector(selector);
    return {
      program: el.program,
      inputs: el.inputs,
      result: el.result,
      expected: el.program ? PartnerRoi.project(el.program, el.inputs) : null,
    };
  }, selector);
}

/** Waits until the element's result is there and is the engine's for its inputs; returns the state. */
async function settledState(page, selector = 'partner-roi') {
  await expect
    .poll(async () => {
      const state = await widgetState(page, selector);
      return state.result !== null && JSON.stringify(state.result) === JSON.stringify(state.expected);
    }, { message: `${selector}: el.result equals PartnerRoi.project(el.program, el.inputs)` })
    .toBe(true);
  return widgetState(page, selector);
}

/** Waits until `el.inputs[key]` is `value` (a decimal string). */
async function expectInput(page, selector, key, value) {
  await expect
    .poll(() => page.evaluate(([selector, key]) => {
      const el = document.querySelector(selector);
      return el && el.inputs ? el.inputs[key] : null;
    }, [selector, key]), { message: `${selector}: el.inputs.${key}` })
    .toBe(value);
}

/**
 * Types `text` into the field labelled `label` of the widget `widget` (a locator) and waits
 * until `el.inputs[key]` holds `expected` (default: `text`).
 */
async function typeInput(page, widget, selector, label, key, text, expected = text) {
  const field = widget.getByLabel(label, { exact: true });
  await field.fill(text);
  await expectInput(page, selector, key, expected);
}

/** The text the page reads from the system clipboard. */
function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Grants the real clipboard to `origin` in `context`. */
async function allowClipboard(context, origin) {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}

/** The text of a PDF (pdfjs-dist): `pages` (one string per page) and `text` (all of them). */
async function pdfText(buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(buffer),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pages = [];
  try {
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => (item.str || '') + (item.hasEOL ? '\n' : '')).join(''));
    }
  } finally {
    await document.destroy();
  }
  return { numPages: pages.length, pages, text: pages.join('\n') };
}

/**
 * The text of the QR code drawn by the SVG `svg` (a locator): the SVG is painted on a canvas
 * in the page, and jsQR reads the pixels.
 */
async function readQrCode(svg) {
  const image = await svg.evaluate(async (element) => {
    const scale = 8;
    const [, , side] = element.getAttribute('viewBox').split(' ').map(Number);
    const markup = new XMLSerializer().serializeToString(element);
    const picture = new Image();
    picture.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = side * scale;
    canvas.height = side * scale;
    const context = canvas.getContext('2d');
    context.drawImage(picture, 0, 0, canvas.width, canvas.height);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: pixels.width, height: pixels.height, data: Array.from(pixels.data) };
  });
  const jsQR = require('jsqr');
  const code = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height);
  return code ? code.data : null;
}

/** `text` without any kind of white space, for comparing text that may be split or wrapped. */
const squeeze = (text) => text.replace(/[\s\u00a0\u202f\u2009]+/g, '');

/** Rows of an RFC 4180 CSV text (quoted cells, doubled quotes, CRLF or LF line ends). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      // handled by '\n'
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** RFC 3986 percent-encoding (unreserved characters kept), as the CTA placeholders use. */
function rfc3986(value) {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A money string with 2 decimals, negated ("12.50" -> "-12.50", "0.00" stays). */
function negatedMoney(amount) {
  if (amount.startsWith('-')) return amount.slice(1);
  if (/^[0.]*$/.test(amount)) return amount;
  return `-${amount}`;
}

module.exports = {
  DEFAULT_TIERS,
  DEFAULT_PROGRAM_ID,
  BUTTON_TEXTS,
  widgetState,
  settledState,
  expectInput,
  typeInput,
  readClipboard,
  allowClipboard,
  pdfText,
  readQrCode,
  squeeze,
  parseCsv,
  rfc3986,
  negatedMoney,
};
