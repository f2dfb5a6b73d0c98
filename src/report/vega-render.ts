import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** Font used by every statistical chart, so that SVG and PNG measure text alike. */
export const CHART_FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/** Shared Vega-Lite configuration: white background, one font, readable sizes. */
export const CHART_CONFIG = {
  background: 'white',
  font: CHART_FONT,
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
  title: { fontSize: 14, anchor: 'start' },
} as const;

/**
 * Compiles a Vega-Lite specification and renders it to an SVG document without a browser
 * (Vega's headless SVG renderer).
 * @param spec a Vega-Lite top-level specification with inline data
 * @returns the SVG document as text
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  // Merge the chart's own configuration over the shared one, one level deep.
  const own = (spec.config ?? {}) as Record<string, unknown>;
  const config: Record<string, unknown> = { ...CHART_CONFIG };
  for (const [key, value] of Object.entries(own)) {
    const shared = config[key];
    const bothObjects = typeof shared === 'object' && typeof value === 'object';
    config[key] = bothObjects ? { ...(shared as object), ...(value as object) } : value;
  }
  const withConfig = { ...spec, config };
  const compiled = compile(withConfig as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
