// The default console output (`-S all`: summary table plus the CloudFormation-aware or generic
// failure details) compared with the reference binary's, on the probe cases and on every 12th
// (rules file, template) pair of templates-dev. Where the reference orders things by hash (resources
// in the CloudFormation report, rule lines in the generic one: its output then changes from run to
// run), guardts' output must be one of the outputs the reference prints, up to the order of lines:
// the reference is re-run until one matches (at most 12 runs). With many failing resources the
// reference's code excerpts depend on that order too (its line cursor is shared between excerpts),
// so when no run matches, the outputs are compared without the excerpt lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { runInProcess } from '../support/in-process.js';

const RERUNS = 12;

/** Probe cases where the reference's console reporter panics (resource without `Type`): docs/divergences.md. */
const REFERENCE_PANICS = new Set(['input_parameters_merge', 'this_in_nested_blocks', 'fn_substring_unicode_panics']);

const sortedLines = (text: string): string => text.split('\n').sort().join('\n');

function compareWithReference(args: readonly string[], cwd: string): { ours: string; reference: string; exit: [number, number | null] } {
  const ours = runInProcess(args, { cwd });
  let reference = runReference(args, { cwd });
  for (let run = 1; run < RERUNS && sortedLines(reference.stdout) !== sortedLines(ours.stdout); run++) reference = runReference(args, { cwd });
  if (sortedLines(reference.stdout) !== sortedLines(ours.stdout)) {
    const withoutExcerpts = (text: string): string => sortedLines(text.split('\n').filter((line) => !/^\s+\d+\./.test(line)).join('\n'));
    return { ours: withoutExcerpts(ours.stdout), reference: withoutExcerpts(reference.stdout), exit: [ours.status, reference.status] };
  }
  return { ours: sortedLines(ours.stdout), reference: sortedLines(reference.stdout), exit: [ours.status, reference.status] };
}

describeShared('console output (-S all) as cfn-guard 3.1.1 prints it', (shared) => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: the reference binary is not available (scripts/get-reference-binary.mjs failed)', () => {});
    return;
  }
  const probeDir = join(shared, 'spec', 'probe-cases');
  const probes = (JSON.parse(readFileSync(join(probeDir, 'cases.json'), 'utf8')) as { name: string; args: string[] }[]).filter((probe) => probe.args[0] === 'validate');
  for (const probe of probes) {
    it(`probe ${probe.name}`, () => {
      const args = [...probe.args.slice(0, 5), '-S', 'all'];
      if (REFERENCE_PANICS.has(probe.name)) {
        const ours = runInProcess(args, { cwd: probeDir });
        expect(runReference(args, { cwd: probeDir }).status).toBe(101);
        expect(ours.status).not.toBe(101);
        expect(ours.stderr).not.toMatch(/panicked/);
        return;
      }
      const { ours, reference, exit } = compareWithReference(args, probeDir);
      expect({ exit: exit[0], stdout: ours }).toEqual({ exit: exit[1], stdout: reference });
    });
  }

  const corpus = join(shared, 'corpus');
  const pairs = (JSON.parse(readFileSync(join(corpus, 'templates-dev', 'expected-dev.json'), 'utf8')) as { pairs: { rules: string; data: string }[] }).pairs.filter((_, index) => index % 12 === 0);
  it(`template pairs (${pairs.length}, every 12th)`, () => {
    const mismatches: unknown[] = [];
    for (const pair of pairs) {
      const args = ['validate', '-r', pair.rules, '-d', `templates-dev/templates/${pair.data}`, '-S', 'all'];
      const { ours, reference, exit } = compareWithReference(args, corpus);
      if (ours !== reference || exit[0] !== exit[1]) mismatches.push({ pair, exit, ours: ours.slice(0, 2000), reference: reference.slice(0, 2000) });
    }
    expect(mismatches).toEqual([]);
  }, 600_000);
});
