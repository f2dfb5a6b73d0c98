import { ParameterError } from '../util/errors.js';
import { STANDARD_LEADS } from '../wfdb/index.js';

/** Paper layouts: 3 rows of 4 columns plus a rhythm strip, 6 rows of 2, one lead a row. */
export type EcgLayout = '3x4' | '6x2' | '1x12';

/** The layouts accepted, for validation and help texts. */
export const ECG_LAYOUTS: readonly EcgLayout[] = ['3x4', '6x2', '1x12'];

/** One trace box on the paper: which channel, which time slice, where. */
export interface EcgPanel {
  /** Index of the channel in the record. */
  channel: number;
  /** Name printed beside the trace. */
  leadName: string;
  /** Row (0 at the top) and column (0 at the left) of the panel. */
  row: number;
  column: number;
  /** Number of columns in this row; the panel spans 1/columns of the time range. */
  columnsInRow: number;
}

/** Column by column, top to bottom: the conventional 3x4 printout. */
const GRID_3X4 = [
  ['I', 'aVR', 'V1', 'V4'],
  ['II', 'aVL', 'V2', 'V5'],
  ['III', 'aVF', 'V3', 'V6'],
];

const GRID_6X2 = [
  ['I', 'V1'],
  ['II', 'V2'],
  ['III', 'V3'],
  ['aVR', 'V4'],
  ['aVL', 'V5'],
  ['aVF', 'V6'],
];

/**
 * Places the channels of a record on the paper.
 * @param signalNames channel names of the record (case does not matter: `ii`, `II`, `aVR`)
 * @param layout `3x4` (with a rhythm strip of `rhythmLead` under it), `6x2`, or `1x12`
 * (every channel on its own row, whatever the number of channels)
 * @param rhythmLead lead of the rhythm strip in the 3x4 layout
 * @returns the panels, in drawing order
 * @throws ParameterError when a 3x4 or 6x2 layout lacks one of the 12 standard leads
 */
export function layoutPanels(
  signalNames: string[],
  layout: EcgLayout,
  rhythmLead = 'II',
): EcgPanel[] {
  if (!ECG_LAYOUTS.includes(layout)) {
    throw new ParameterError('layout', `one of ${ECG_LAYOUTS.join(', ')}`, layout);
  }
  if (layout === '1x12') {
    return signalNames.map((name, channel) => ({
      channel,
      // Standard leads get their usual spelling (`AVR`, `avr` -> `aVR`); others stay.
      leadName:
        STANDARD_LEADS.find((lead) => lead.toLowerCase() === name.trim().toLowerCase()) ??
        name,
      row: channel,
      column: 0,
      columnsInRow: 1,
    }));
  }

  const channelOf = standardChannels(signalNames, layout);
  const grid = layout === '3x4' ? GRID_3X4 : GRID_6X2;
  const panels = grid.flatMap((names, row) =>
    names.map((leadName, column) => ({
      channel: channelOf(leadName),
      leadName,
      row,
      column,
      columnsInRow: names.length,
    })),
  );
  if (layout === '3x4') {
    const rhythm = channelOf(rhythmLead);
    panels.push({
      channel: rhythm,
      leadName: signalNames[rhythm],
      row: 3,
      column: 0,
      columnsInRow: 1,
    });
  }
  return panels;
}

/**
 * Whether a record holds the 12 standard leads (any case, surrounding spaces ignored), so
 * that the 3x4 and 6x2 layouts can draw it.
 * @param signalNames channel names of the record
 */
export function hasStandardLeads(signalNames: readonly string[]): boolean {
  const names = new Set(signalNames.map((name) => name.trim().toLowerCase()));
  return STANDARD_LEADS.every((lead) => names.has(lead.toLowerCase()));
}

/** Rows of a layout for a given number of channels. */
export function layoutRows(layout: EcgLayout, channels: number): number {
  if (layout === '3x4') return 4;
  if (layout === '6x2') return 6;
  return channels;
}

function standardChannels(
  signalNames: string[],
  layout: EcgLayout,
): (lead: string) => number {
  const byName = new Map(signalNames.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = STANDARD_LEADS.filter((lead) => !byName.has(lead.toLowerCase()));
  if (missing.length > 0) {
    throw new ParameterError(
      'layout',
      `a record with the 12 standard leads for layout ${layout}`,
      `channels ${signalNames.join(', ')}`,
      `missing ${missing.join(', ')}; use layout 1x12 to draw one channel a row`,
    );
  }
  return (lead) => {
    const channel = byName.get(lead.toLowerCase());
    if (channel === undefined) {
      throw new ParameterError(
        'rhythmLead',
        `one of the channels ${signalNames.join(', ')}`,
        lead,
      );
    }
    return channel;
  };
}
