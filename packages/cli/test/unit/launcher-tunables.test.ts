// bin/guardts's huge-page tunable stays with the snapshot start it was added for (src/launcher-tunables.ts).
import { describe, expect, it } from 'vitest';
import { dropLauncherTunable, LAUNCHER_TUNABLE } from '../../src/launcher-tunables.js';

describe('dropLauncherTunable', () => {
  it('removes the tunable bin/guardts appended, alone or after the user’s own', () => {
    const alone: NodeJS.ProcessEnv = { GLIBC_TUNABLES: LAUNCHER_TUNABLE, PATH: '/bin' };
    dropLauncherTunable(alone);
    expect(alone).toEqual({ PATH: '/bin' });
    const appended: NodeJS.ProcessEnv = { GLIBC_TUNABLES: `glibc.malloc.check=0:${LAUNCHER_TUNABLE}` };
    dropLauncherTunable(appended);
    expect(appended).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.check=0' });
  });

  it('leaves other tunables and an unset variable alone', () => {
    const other: NodeJS.ProcessEnv = { GLIBC_TUNABLES: 'glibc.malloc.check=0' };
    dropLauncherTunable(other);
    expect(other).toEqual({ GLIBC_TUNABLES: 'glibc.malloc.check=0' });
    const unset: NodeJS.ProcessEnv = {};
    dropLauncherTunable(unset);
    expect(unset).toEqual({});
  });
});
