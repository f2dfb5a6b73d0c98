import type { TopLevelSpec } from 'vega-lite';
import { ParameterError } from '../util/errors.js';
import { angleRad, magnitudeDb, unwrapPhase } from './phase.js';
import { renderVegaLiteSvg } from './vega-render.js';

/**
 * The complex frequency response of one filter, as `freqz`/`sosfreqz` return it with
 * `fs` given (so frequencies are in Hz).
 */
export interface FilterResponse {
  /** Legend text, for example `Butterworth order 4, low-pass 40 Hz`. */
  label: string;
  /** Frequencies of the response, Hz, increasing. */
  frequenciesHz: ArrayLike<number>;
  /** Real parts of h, one per frequency. */
  real: ArrayLike<number>;
  /** Imaginary parts of h, one per frequency. */
  imag: ArrayLike<number>;
  /** Cutoff frequency or band edges, Hz, marked by dashed vertical lines. */
  cutoffHz?: number | number[];
}

/**
 * Converts what `freqz`/`sosfreqz` of src/dsp return (`w` in Hz when `fs` was given, `h`
 * as complex numbers) into a {@link FilterResponse}.
 * @param label legend text
 * @param response `{ w, h }` with `w` in Hz
 * @param cutoffHz cutoff or band edges to mark, Hz
 */
export function filterResponseFromFreqz(
  label: string,
  response: { w: ArrayLike<number>; h: readonly { re: number; im: number }[] },
  cutoffHz?: number | number[],
): FilterResponse {
  return {
    label,
    frequenciesHz: response.w,
    real: response.h.map((c) => c.re),
    imag: response.h.map((c) => c.im),
    cutoffHz,
  };
}

/** Options of {@link renderFilterResponseSvg}. */
export interface FilterResponseOptions {
  /** Chart title. */
  title: string;
  /** Width of each panel, px. */
  widthPx: number;
  /** Height of each panel, px. */
  heightPx: number;
  /** Lowest magnitude drawn, dB; lower values (stop-band zeros) are clipped to it. */
  minDb: number;
}

/** Defaults of {@link FilterResponseOptions}. */
export const FILTER_RESPONSE_DEFAULTS: FilterResponseOptions = {
  title: 'Filter frequency response',
  widthPx: 560,
  heightPx: 200,
  minDb: -120,
};

/**
 * Draws the magnitude (dB) and unwrapped phase (radians) of one or more filters against
 * frequency in Hz, one colour per filter, each cutoff as a dashed vertical line.
 * @param responses one or more responses; every array of one response has the same length
 * @param options title, panel size in px, magnitude floor in dB
 * @returns an SVG document (Vega-Lite rendered by Vega's headless SVG renderer)
 * @throws ParameterError when no response is given, arrays differ in length, or a
 * frequency is not finite
 * @remarks Magnitude is 20 log10 |h| clipped below at `minDb`; phase is
 * `numpy.unwrap(numpy.angle(h))` (tests compare both with numpy on scipy's `sosfreqz`).
 * In the stop band, where |h| is near zero, the phase is numerically meaningless, as it is
 * in scipy.
 * @example
 * const { frequenciesHz, real, imag } = sosfreqz(sos, { worN: 1024, fs: 500 });
 * const svg = await renderFilterResponseSvg([{ label: 'low-pass 40 Hz', frequenciesHz,
 *   real, imag, cutoffHz: 40 }]);
 */
export async function renderFilterResponseSvg(
  responses: FilterResponse[],
  options: Partial<FilterResponseOptions> = {},
): Promise<string> {
  const settings = { ...FILTER_RESPONSE_DEFAULTS, ...options };
  if (responses.length === 0) {
    throw new ParameterError('responses', 'at least one filter response', 0);
  }
  responses.forEach(validateResponse);

  // Long-form rows, one per filter and frequency; cutoffs as their own rows.
  const points = responses.flatMap(responsePoints(settings.minDb));
  const cutoffs = responses.flatMap((response) =>
    [response.cutoffHz ?? []]
      .flat()
      .map((cutoffHz) => ({ filter: response.label, cutoffHz })),
  );

  const spec = filterResponseSpec(points, cutoffs, settings);
  return renderVegaLiteSvg(spec);
}

interface ResponsePoint {
  filter: string;
  frequencyHz: number;
  magnitudeDb: number;
  phaseRad: number;
}

function responsePoints(minDb: number): (response: FilterResponse) => ResponsePoint[] {
  return (response) => {
    const db = magnitudeDb(response.real, response.imag, minDb);
    const phase = unwrapPhase(angleRad(response.real, response.imag));
    return Array.from(response.frequenciesHz, (frequencyHz, i) => ({
      filter: response.label,
      frequencyHz,
      magnitudeDb: db[i],
      phaseRad: phase[i],
    }));
  };
}

function validateResponse(response: FilterResponse, index: number): void {
  const n = response.frequenciesHz.length;
  if (response.real.length !== n || response.imag.length !== n) {
    throw new ParameterError(
      `responses[${index}] (${response.label})`,
      `real and imag of the same length as frequenciesHz (${n})`,
      `${response.real.length} and ${response.imag.length}`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(response.frequenciesHz[i])) {
      throw new ParameterError(
        `responses[${index}].frequenciesHz[${i}]`,
        'a finite frequency in Hz',
        response.frequenciesHz[i],
      );
    }
  }
}

function filterResponseSpec(
  points: ResponsePoint[],
  cutoffs: { filter: string; cutoffHz: number }[],
  settings: FilterResponseOptions,
): TopLevelSpec {
  const color = {
    field: 'filter',
    type: 'nominal',
    title: 'Filter',
    legend: { orient: 'bottom', direction: 'vertical' },
  } as const;
  const x = {
    field: 'frequencyHz',
    type: 'quantitative',
    title: 'Frequency (Hz)',
  } as const;
  const cutoffLayer = {
    data: { values: cutoffs },
    mark: { type: 'rule', strokeDash: [6, 4], strokeWidth: 1.5 },
    encoding: { x: { field: 'cutoffHz', type: 'quantitative' }, color },
  } as const;
  const panel = (field: string, title: string, name: string) => ({
    name,
    width: settings.widthPx,
    height: settings.heightPx,
    layer: [
      {
        data: { values: points },
        mark: { type: 'line', strokeWidth: 1.5 },
        encoding: { x, y: { field, type: 'quantitative', title }, color },
      },
      ...(cutoffs.length > 0 ? [cutoffLayer] : []),
    ],
  });

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: settings.title, subtitle: 'dashed lines: cutoff frequencies' },
    vconcat: [
      panel('magnitudeDb', 'Magnitude (dB)', 'magnitude'),
      panel('phaseRad', 'Phase (rad, unwrapped)', 'phase'),
    ],
    resolve: { scale: { color: 'shared' } },
  } as TopLevelSpec;
}
