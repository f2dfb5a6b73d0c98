/**
 * The names of the 12 standard ECG leads.
 */

/**
 * The 12 standard leads in their usual spelling and PTB-XL's order: limb leads I, II,
 * III, augmented limb leads aVR, aVL, aVF, then precordial leads V1 to V6.
 *
 * @remarks Records spell them in various cases (PTB-XL writes `AVR`, ptbdb `avr`); match
 * names against this list without case.
 */
export const STANDARD_LEADS = [
  'I',
  'II',
  'III',
  'aVR',
  'aVL',
  'aVF',
  'V1',
  'V2',
  'V3',
  'V4',
  'V5',
  'V6',
] as const;
