/**
 * Adversarial edits of the code that builds the payload (fillers, probe programs, the kernel
 * module's event path), on the demo driver tree: what gcc compiles is what is compared, and a
 * change of what some supported kernel builds is never waved through as a kernel build fix.
 * Each case pins the exact outcome: the rules that report, the verdict, the warnings.
 */
import { describe, expect, it } from 'vitest';
import { compareSurfaces } from '../../src/pipeline.js';
import type { CheckReport } from '../../src/verdict/types.js';
import { apply, demoFiles, firedRules, setFile, surface, type Change, type Tree } from '../rules/tester.js';

const FILLERS_PATH = 'driver/ppm_fillers.c';

const inFile =
  (file: string) =>
  (...pairs: Array<[string, string]>): Change =>
  (t) => {
    let s = t[file];
    if (s === undefined) throw new Error(`no ${file}`);
    for (const [a, b] of pairs) {
      if (!s.includes(a)) throw new Error(`not in ${file}: ${a}`);
      s = s.replace(a, b);
    }
    return { ...t, [file]: s };
  };
const inFillers = inFile(FILLERS_PATH);

interface Outcome {
  /** The rules that must report (sorted, unique), exactly; notes aside. */
  rules: string[];
  verdict: CheckReport['verdict'];
  /** Parts some finding's message must contain. */
  message?: RegExp;
  /** Notes that must be among the findings. */
  notes?: string[];
}

interface Case {
  name: string;
  base?: Change | Change[];
  head: Change | Change[];
  expect: Outcome;
}

function check(c: Case): void {
  it(c.name, async () => {
    const baseTree = apply(demoFiles(), c.base);
    const [base, head] = [await surface(baseTree, 'base'), await surface(apply(baseTree, c.head), 'head')];
    const r = compareSurfaces(base, head);
    const findings = r.findings.filter((f) => f.kind !== 'note');
    const summary = `findings:\n${r.findings.map((f) => `  ${f.rule}: ${f.message}`).join('\n')}\nwarnings:\n  ${r.warnings.map((w) => w.message).join('\n  ')}`;
    expect(firedRules(findings), summary).toEqual(c.expect.rules);
    expect(r.verdict, summary).toBe(c.expect.verdict);
    expect(r.warnings, summary).toEqual([]);
    if (c.expect.message) expect(findings.some((f) => c.expect.message!.test(f.message)), summary).toBe(true);
    for (const note of c.expect.notes ?? []) expect(r.findings.some((f) => f.kind === 'note' && f.rule === note), summary).toBe(true);
  });
}

describe('code that builds the payload, as compiled', () => {
  check({
    name: 'a filler local made static (its value now carries over from event to event)',
    base: setFile(FILLERS_PATH, 'int f_sys_open_x(struct event_filler_arguments *args) {\n\tint seq = 0;\n\tseq++;\n\treturn val_to_ring(args, seq, 0, false, 0);\n}\n'),
    head: inFillers(['\tint seq = 0;', '\tstatic int seq = 0;']),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /f_sys_open_x/ },
  });
  check({
    name: 'a filler made static changes nothing it sends',
    base: setFile(FILLERS_PATH, 'int f_sys_open_x(struct event_filler_arguments *args) {\n\tint seq = 0;\n\tseq++;\n\treturn val_to_ring(args, seq, 0, false, 0);\n}\n'),
    head: inFillers(['int f_sys_open_x', 'static int f_sys_open_x']),
    expect: { rules: [], verdict: 'pass' },
  });
});
