// frame.html: one widget filling the frame, configured from the URL, reporting its height.
// Settings come from the query string or the fragment:
//   frame.html?program-src=programs/reseller.json&inputs={"deal_value":20000}&locale=de-DE&tools=all
//   frame.html#program={…program JSON…}&inputs={…}
// An external file (not inline) so that frame.html works under a strict CSP.
const widget = document.getElementById('partner-roi-frame');
const settings = new URLSearchParams(location.search);
for (const [key, value] of new URLSearchParams(location.hash.slice(1))) settings.set(key, value);
for (const name of ['program-src', 'inputs', 'locale', 'currency', 'horizon', 'tools', 'debug', 'theme']) {
  if (settings.has(name)) widget.setAttribute(name, settings.get(name));
}
// The program property takes JSON text too; invalid text is reported inside the widget.
if (settings.has('program')) widget.program = settings.get('program');

// Tell the parent page how tall the content is, whenever it changes.
let lastHeight = 0;
const report = () => {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight && window.parent !== window) {
    lastHeight = height;
    window.parent.postMessage({ type: 'partner-roi:height', height }, '*');
  }
};
new ResizeObserver(report).observe(document.documentElement);
report();
