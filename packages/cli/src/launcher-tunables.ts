/**
 * bin/guardts adds `glibc.malloc.hugetlb=1` to GLIBC_TUNABLES for a snapshot start that names no
 * directory: glibc then backs malloc's large blocks with transparent huge pages, and node reads
 * its snapshot blob into two fresh buffers with a few 2 MiB page faults instead of thousands of
 * 4 KiB ones (docs/performance.md, "Cold start"). The setting is for that start only: a child
 * process (a batch re-run for worker threads) must not inherit it.
 */
export const LAUNCHER_TUNABLE = 'glibc.malloc.hugetlb=1';

/** Removes what bin/guardts appended to `env.GLIBC_TUNABLES`, keeping the user's own tunables. */
export function dropLauncherTunable(env: NodeJS.ProcessEnv): void {
  const tunables = env.GLIBC_TUNABLES;
  if (tunables === undefined || !tunables.endsWith(LAUNCHER_TUNABLE)) return;
  const rest = tunables.slice(0, -LAUNCHER_TUNABLE.length).replace(/:$/, '');
  if (rest === '') delete env.GLIBC_TUNABLES;
  else env.GLIBC_TUNABLES = rest;
}
