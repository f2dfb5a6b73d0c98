/**
 * HTML pieces of the run report: escaping, inline SVG, tables, the page frame.
 */
import { escapeXml } from './svg.js';

/** Escapes text for HTML content and attributes. */
export const escapeHtml = escapeXml;

/**
 * Prepares an SVG document for inlining beside others: drops any XML declaration and
 * prefixes its ids (and the `url(#id)` / `href="#id"` references to them) so that two
 * charts never share a clip path or gradient id.
 */
export function inlineSvg(svg: string, idPrefix: string): string {
  const body = svg.replace(/<\?xml[^>]*\?>/, '').trim();
  return body
    .replace(/\bid="([^"]+)"/g, `id="${idPrefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${idPrefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${idPrefix}-$1"`);
}

/** A chart figure: the inline SVG and a caption. */
export function figure(name: string, svg: string, caption: string): string {
  return (
    `<figure class="chart" data-chart="${escapeHtml(name)}">${inlineSvg(svg, name)}` +
    `<figcaption>${escapeHtml(caption)}</figcaption></figure>`
  );
}

/** A table with a header row; cells are escaped. */
export function table(
  headers: string[],
  rows: (string | number)[][],
  className = '',
): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A section with a heading and body HTML. */
export function section(id: string, title: string, body: string): string {
  return `<section id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

const STYLE = `
body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; padding: 0 1em; }
h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 1em 0; font-size: .92em; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; }
th { background: #f3f3f3; }
pre { background: #f7f7f7; padding: 1em; overflow-x: auto; font-size: .85em; }
figure.chart { display: inline-block; margin: 1em 1em 1em 0; vertical-align: top; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .9em; color: #555; max-width: 600px; }
.note { color: #555; }
`;

/** The whole page, with the style inline and no external resource. */
export function page(title: string, body: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>` +
    `<body><h1>${escapeHtml(title)}</h1>${body}</body></html>\n`
  );
}
