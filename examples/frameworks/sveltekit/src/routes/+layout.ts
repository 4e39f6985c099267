// Rendered on the server at build time, then hydrated in the browser.
export const prerender = true;
