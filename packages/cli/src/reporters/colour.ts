/**
 * ANSI styling as cfn-guard's `colored` crate applies it: on when stdout is a terminal, off with
 * NO_COLOR (or CLICOLOR=0), forced on by CLICOLOR_FORCE.
 */
import type { Status } from '../report/structured-report.js';

export interface Styler {
  readonly enabled: boolean;
  bold(text: string): string;
  underline(text: string): string;
  status(status: Status): string;
}

export function colourEnabled(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  const force = env.CLICOLOR_FORCE;
  if (force !== undefined && force !== '0') return true;
  if (env.NO_COLOR !== undefined) return false;
  if (env.CLICOLOR === '0') return false;
  return isTTY;
}

const wrap = (enabled: boolean, codes: string, text: string): string => (enabled ? `\u001b[${codes}m${text}\u001b[0m` : text);

export function styler(enabled: boolean): Styler {
  return {
    enabled,
    bold: (text) => wrap(enabled, '1', text),
    underline: (text) => wrap(enabled, '4', text),
    status: (status) => {
      if (status === 'PASS') return wrap(enabled, '32', 'PASS');
      if (status === 'FAIL') return wrap(enabled, '1;31', 'FAIL');
      return wrap(enabled, '1;33', 'SKIP');
    },
  };
}
