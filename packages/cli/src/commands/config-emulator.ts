// Placeholder until the command lands; it says so instead of pretending to work.
import { EXIT_RUNTIME_ERROR } from '../exit-codes.js';

export async function run(_argv: readonly string[]): Promise<number> {
  process.stderr.write('guardts config-emulator: not implemented yet\n');
  return EXIT_RUNTIME_ERROR;
}
