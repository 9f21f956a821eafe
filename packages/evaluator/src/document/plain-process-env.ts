/**
 * The `yaml` package's parser looks at `process.env.LOG_TOKENS` (a debugging switch) for every
 * token it reads, and every `process.env` lookup is a call into Node's C++ environment accessor
 * (~0.2-0.5 µs): on a 6 KB template's ~1 400 tokens that was a sixth of the YAML load time. While
 * the package reads a document — synchronously, so no other code runs meanwhile — `process.env`
 * is a plain object holding the two switches it reads; the real one is back before returning.
 */
const YAML_SWITCHES = ['LOG_TOKENS', 'LOG_STREAM'] as const;

export function withPlainProcessEnv<T>(body: () => T): T {
  // Outside Node (the package's browser build never reads the environment) there is nothing to do.
  if (typeof process === 'undefined') return body();
  const env = process.env;
  const plain: NodeJS.ProcessEnv = {};
  for (const name of YAML_SWITCHES) if (env[name] !== undefined) plain[name] = env[name];
  process.env = plain;
  try {
    return body();
  } finally {
    process.env = env;
  }
}
