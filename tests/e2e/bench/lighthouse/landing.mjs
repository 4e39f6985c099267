// The bench's host pages, made from one template, examples/pages/landing.html: the widget's
// section (between the `widget-section` marks) where it stands, in the first viewport
// (landing-top.html), or at the `widget-below` mark, far below the fold (landing-below.html);
// and each page's twin, the same page without the script line and the <partner-roi> line,
// so that a twin differs from its page by the widget alone.

import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PAIRS } from './figures.mjs';

export const TEMPLATE = new URL('../../../../examples/pages/landing.html', import.meta.url);
/** What the pages load, copied from dist/: the bundle and the program (as a vendor's page). */
export const BUNDLE_FILES = ['partner-roi.js', 'partner-roi_bg.wasm', 'programs/reseller.json'];

const SECTION_START = '<!-- partner-roi:widget-section -->';
const SECTION_END = '<!-- /partner-roi:widget-section -->';
const BELOW_MARK = '<!-- partner-roi:widget-below -->';
/** The snippet's two lines, as the README gives them: what a twin leaves out. */
export const WIDGET_LINES = [
  '<script src="partner-roi.js"></script>',
  '<partner-roi id="calculator" program-src="programs/reseller.json"></partner-roi>',
];

/** Every page: its file name, where the widget's section is, and whether the widget is in it. */
export const PAGES = PAIRS.flatMap(({ placement, page, twin }) => [
  { file: page, placement, widget: true },
  { file: twin, placement, widget: false },
]);

const isWidgetLine = (line) => WIDGET_LINES.includes(line.trim());

/** The page of `template` with the widget's section at `placement` ('top' or 'below'), with the widget when `widget`. */
export function landingPage(template, placement, widget) {
  const lines = template.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const indexOf = (mark) => {
    const index = lines.findIndex((line) => line.trim() === mark);
    if (index < 0) throw new Error(`landing.html lacks the line ${mark}`);
    return index;
  };
  const [start, end, below] = [indexOf(SECTION_START), indexOf(SECTION_END), indexOf(BELOW_MARK)];
  if (!(start < end && end < below)) {
    throw new Error(`landing.html: expected ${SECTION_START}, ${SECTION_END}, then ${BELOW_MARK}`);
  }
  const section = lines.slice(start + 1, end).filter((line) => widget || !isWidgetLine(line));
  const page = [];
  lines.forEach((line, index) => {
    // The section's marks, the section and the blank line after it; the below mark and the
    // blank line after it.
    const inSection = index >= start && index <= end + 1;
    if (!widget && isWidgetLine(line)) return;
    if (placement === 'top' && inSection && index !== start && index !== end) page.push(line);
    else if (placement === 'below' && index === below) page.push(...section);
    else if (placement === 'below' && index === below + 1) page.push(line);
    else if (!inSection && index !== below && index !== below + 1) page.push(line);
  });
  return `${page.join('\n')}\n`;
}

/** The bench's site in `outDir` (emptied first): every page of PAGES and the bundle of `distDir`. */
export async function writeSite(distDir, outDir, template = TEMPLATE) {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const text = await readFile(template, 'utf8');
  for (const { file, placement, widget } of PAGES) {
    await writeFile(path.join(outDir, file), landingPage(text, placement, widget));
  }
  for (const file of BUNDLE_FILES) {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await copyFile(path.join(distDir, file), path.join(outDir, file)).catch((error) => {
      throw new Error(`cannot copy ${file} of ${distDir} (\`cargo xtask dist\` makes it): ${error.message}`);
    });
  }
}
