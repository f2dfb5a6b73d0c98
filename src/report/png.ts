import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { ParameterError } from '../util/errors.js';

/** Font files tried first, in order; Debian's fonts-dejavu-core installs them. */
export const PNG_FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/**
 * Largest PNG {@link svgToPng} draws, in pixels: 64 megapixels, 256 MB of RGBA. resvg
 * holds the whole raster in memory (and more while encoding), so a larger page would
 * exhaust memory rather than fail with a message.
 */
export const MAX_PNG_PIXELS = 64_000_000;

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Output width in pixels; the height keeps the aspect ratio. Default: the SVG's width. */
  widthPx?: number;
  /** Zoom factor applied when `widthPx` is not given (default 2, for sharp text). */
  scale?: number;
  /** Extra font files to load (TrueType or OpenType). */
  fontFiles?: string[];
  /** Largest raster allowed, pixels; default {@link MAX_PNG_PIXELS}. */
  maxPixels?: number;
}

/**
 * Size of the PNG that {@link svgToPng} would draw, without drawing it.
 * @returns width and height in pixels, rounded up as resvg does
 */
export function pngSizeOf(
  svg: string,
  options: Pick<PngOptions, 'widthPx' | 'scale'> = {},
): { widthPx: number; heightPx: number } {
  const resvg = new Resvg(svg);
  const zoom = options.widthPx ? options.widthPx / resvg.width : (options.scale ?? 2);
  return {
    widthPx: Math.ceil(resvg.width * zoom),
    heightPx: Math.ceil(resvg.height * zoom),
  };
}

/**
 * Rasterises an SVG document to PNG with resvg, loading DejaVu Sans (when installed) and
 * the system fonts so that labels are drawn.
 * @param svg the SVG document as text
 * @param options output width and extra fonts
 * @returns the PNG file's bytes
 * @throws ParameterError when the raster would exceed `maxPixels` (64 megapixels by
 * default); the message gives the size and the largest zoom that fits
 * @remarks Limitations: resvg draws no text when no font is found on the machine; install
 * a font package (Debian: `fonts-dejavu-core`) or pass `fontFiles`.
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const maxPixels = options.maxPixels ?? MAX_PNG_PIXELS;
  const { widthPx, heightPx } = pngSizeOf(svg, options);
  if (widthPx * heightPx > maxPixels) {
    throw new ParameterError(
      'PNG size',
      `at most ${maxPixels} pixels`,
      widthPx * heightPx,
      `the page would be ${widthPx} x ${heightPx} pixels; draw a smaller page or a ` +
        'lower zoom, or write SVG instead',
    );
  }

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
