/**
 * Small helpers to write SVG text by hand: escaping, number formatting, elements.
 * Private to the report folder.
 */

/** Escapes text for use in XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Formats a coordinate with at most two decimals, without trailing zeros. */
export function fmt(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** Writes one element; attributes with undefined values are left out. */
export function element(
  name: string,
  attributes: Record<string, string | number | undefined>,
  content?: string,
): string {
  const parts = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const shown = typeof value === 'number' ? fmt(value) : escapeXml(String(value));
      return `${key}="${shown}"`;
    });
  const open = parts.length > 0 ? `<${name} ${parts.join(' ')}` : `<${name}`;
  return content === undefined ? `${open}/>` : `${open}>${content}</${name}>`;
}

/** Wraps content into a standalone SVG document of the given size in pixels. */
export function svgDocument(widthPx: number, heightPx: number, content: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" ` +
    `width="${fmt(widthPx)}" height="${fmt(heightPx)}" ` +
    `viewBox="0 0 ${fmt(widthPx)} ${fmt(heightPx)}" ` +
    `font-family="DejaVu Sans, Helvetica, Arial, sans-serif">${content}</svg>`
  );
}
