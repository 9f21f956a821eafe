// esbuild plugins for the startup snapshot's bundle (scripts/bundle.mjs). Every start deserialises
// the snapshot's whole heap, at a cost that grows with its size (docs/performance.md, "Cold
// start"), so these keep out of it what a `validate` or `test` run does not need. Neither changes
// what the code does.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Chevrotain's lexer maps each UTF-16 code unit to a bucket through a 65,536-entry array that it
 * fills the first time a lexer is built: 512 KiB of heap in every snapshot start. The array holds
 * `i > 255 ? 255 + ~~(i / 255) : i`, and its only reader is called with code units of 256 and up
 * (`charCodeToOptimizedIndex`), so the plugin computes the entry instead and never fills the array.
 * The build fails if the source no longer reads as expected (a Chevrotain upgrade must re-check).
 */
export const chevrotainCharCodeMap = {
  name: 'chevrotain-char-code-map',
  setup(build) {
    build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const lookup = ': charCodeToOptimizedIdxMap[charCode];';
      const fill = 'if (charCodeToOptimizedIdxMap.length === 0) {';
      const formula = 'charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;';
      if (!source.includes(lookup) || !source.includes(fill) || !source.includes(formula)) {
        throw new Error(`${path}: Chevrotain's charCodeToOptimizedIdxMap is not as snapshot-plugins.mjs expects`);
      }
      return { contents: source.replace(lookup, ': 255 + ~~(charCode / 255);').replace(fill, 'if (false) {'), loader: 'js' };
    });
  },
};

/**
 * Node built-in modules that only some runs use (worker threads, child processes, hashing for
 * SARIF): a module loaded while the snapshot is built is in every start's heap, with everything it
 * loads in turn (`child_process` brings `net`, `dgram` and more; `crypto` a dozen modules). Each
 * import of one of these gets an object with the module's export names as getters that load it on
 * first use (`process.getBuiltinModule`): the bundle reads exports as properties at the point of
 * use, so nothing else changes.
 */
export const LAZY_BUILTINS = ['node:child_process', 'node:crypto', 'node:worker_threads'];

export function lazyBuiltins(modules = LAZY_BUILTINS) {
  const require = createRequire(import.meta.url);
  const pattern = new RegExp(`^(${modules.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-builtins',
    setup(build) {
      build.onResolve({ filter: pattern }, ({ path }) => ({ path, namespace: 'lazy-builtin' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, ({ path }) => {
        const getters = Object.keys(require(path)).map((name) => `  get ${JSON.stringify(name)}() { return process.getBuiltinModule(${JSON.stringify(path)})[${JSON.stringify(name)}]; },`);
        return { contents: `module.exports = {\n${getters.join('\n')}\n};\n`, loader: 'js' };
      });
    },
  };
}

/**
 * Packages that only some runs use, bundled but initialised on first use: re2js (the linear-time
 * engine for regex literals that would backtrack catastrophically, src/regex/match-engines.ts)
 * builds its Unicode tables when loaded, 0.14 MB of every start's heap, for a rules file that
 * rarely has such a pattern. As with LAZY_BUILTINS, an import gets an object with the package's
 * export names as getters; the first one read runs the package (bundled as usual, but wrapped).
 */
export const LAZY_PACKAGES = ['re2js'];

export function lazyPackages(packages = LAZY_PACKAGES) {
  const pattern = new RegExp(`^(${packages.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(build) {
      // The stub's own require of the package resolves as usual (from the importer's directory).
      build.onResolve({ filter: pattern }, ({ path, namespace, resolveDir }) => (namespace === 'lazy-package' ? undefined : { path, namespace: 'lazy-package', pluginData: resolveDir }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, async ({ path, pluginData: resolveDir }) => {
        const resolved = createRequire(`${resolveDir}/`).resolve(path);
        const names = Object.keys(await import(resolved)).filter((name) => name !== 'default');
        const getters = names.map((name) => `  get ${JSON.stringify(name)}() { return load()[${JSON.stringify(name)}]; },`);
        return { contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(path)}));\nmodule.exports = {\n${getters.join('\n')}\n};\n`, loader: 'js', resolveDir };
      });
    },
  };
}
