import { describe, expect, it } from 'vitest';
import { pngSizeOf, svgToPng } from './png.js';

const page = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="white"/>` +
  `<text x="10" y="40" font-size="24" font-family="DejaVu Sans, sans-serif">${text}</text></svg>`;

describe('svgToPng', () => {
  it('writes a PNG of the SVG size times the zoom', () => {
    const png = Buffer.from(svgToPng(page('V1'), { scale: 2 }));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([400, 120]);
  });

  it('draws text (a font was found; without one the two images would be equal)', () => {
    const withText = Buffer.from(svgToPng(page('aVR 25 mm/s')));
    const blank = Buffer.from(svgToPng(page('')));
    expect(withText.equals(blank)).toBe(false);
    expect(withText.length).toBeGreaterThan(blank.length + 200);
  });

  it('refuses a raster above maxPixels before drawing it, naming the size', () => {
    // 200 x 60 at zoom 2 is 400 x 120 = 48000 pixels.
    expect(pngSizeOf(page('V1'))).toEqual({ widthPx: 400, heightPx: 120 });
    expect(() => svgToPng(page('V1'), { maxPixels: 47_999 })).toThrow(
      'PNG size must be at most 47999 pixels (got 48000): the page would be 400 x 120 pixels',
    );
  });
});
