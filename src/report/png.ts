import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Font files tried first, in order; Debian's fonts-dejavu-core installs them. */
export const PNG_FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Output width in pixels; the height keeps the aspect ratio. Default: the SVG's width. */
  widthPx?: number;
  /** Zoom factor applied when `widthPx` is not given (default 2, for sharp text). */
  scale?: number;
  /** Extra font files to load (TrueType or OpenType). */
  fontFiles?: string[];
}

/**
 * Rasterises an SVG document to PNG with resvg, loading DejaVu Sans (when installed) and
 * the system fonts so that labels are drawn.
 * @param svg the SVG document as text
 * @param options output width and extra fonts
 * @returns the PNG file's bytes
 * @remarks Limitations: resvg draws no text when no font is found on the machine; install
 * a font package (Debian: `fonts-dejavu-core`) or pass `fontFiles`.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const fontFiles = [
    ...PNG_FONT_FILES.filter((file) => existsSync(file)),
    ...(options.fontFiles ?? []),
  ];
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: options.widthPx
      ? { mode: 'width', value: options.widthPx }
      : { mode: 'zoom', value: options.scale ?? 2 },
    font: {
      fontFiles,
      loadSystemFonts: true,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
