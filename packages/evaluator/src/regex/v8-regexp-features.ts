/**
 * Node 22's V8 implements RegExp modifiers (`(?i:…)`) behind a flag that later versions turn on
 * by default. Turning it on only adds syntax that was a SyntaxError before, so it cannot change
 * the meaning of any other regex in the process.
 */
import v8 from 'node:v8';

let attempted = false;

export function enableRegExpModifiers(): void {
  if (attempted) return;
  attempted = true;
  try {
    new RegExp('(?i:a)', 'v');
  } catch {
    v8.setFlagsFromString('--js-regexp-modifiers');
  }
}
