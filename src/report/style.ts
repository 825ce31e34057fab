import type { GroupStatus } from '../history/types.js';

/**
 * Terminal styles for the text reports (text.ts, history-text.ts): ANSI colours when the caller
 * says colour is wanted (cli/io.ts, useColor, decides), the bare text otherwise.
 */
const CODES = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 } as const;
export type Style = keyof typeof CODES;
export type Styler = (style: Style, s: string) => string;

export function styler(color: boolean): Styler {
  return (style, s) => (color ? `\x1b[${CODES[style]}m${s}\x1b[0m` : s);
}

/** The colour of a status, of a version file or of an audit group: red fails, yellow warns. */
export const STATUS_STYLE: Record<GroupStatus, Style> = {
  ok: 'green',
  late: 'yellow',
  'catch-up': 'yellow',
  unexplained: 'yellow',
  incomplete: 'yellow',
  missing: 'red',
  'too-small': 'red',
  'too-large': 'red',
  'not-one-step': 'red',
  decreased: 'red',
  invalid: 'red',
  'wrong-file': 'red',
};

/** The colour of an overall verdict. */
export function verdictStyle(verdict: 'pass' | 'warn' | 'fail'): Style {
  return verdict === 'pass' ? 'green' : verdict === 'warn' ? 'yellow' : 'red';
}
