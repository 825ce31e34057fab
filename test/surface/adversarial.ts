/**
 * The harness of the adversarial tests (untrusted.test.ts, untrusted-layout.test.ts): edits of
 * the demo driver tree, each pinning the exact outcome: which rules report, the verdict, and
 * every warning that names what the model could not settle.
 */
import { expect, it } from 'vitest';
import { compareSurfaces } from '../../src/pipeline.js';
import type { Finding } from '../../src/rules/types.js';
import type { CheckReport } from '../../src/verdict/types.js';
import { lineOf, type Where } from '../helpers/lines.js';
import { apply, demoFiles, firedRules, surface, type Change, type Tree } from '../rules/tester.js';

/** A warning pattern, or one built from the head tree (to name a line by its text: `locAt`). */
export type WarningPattern = RegExp | ((head: Tree) => RegExp);

export interface Outcome {
  /** The rules that must report (sorted, unique), exactly. */
  rules: string[];
  verdict: CheckReport['verdict'];
  /** Every warning must match one of these, and each of these must match a warning. */
  warnings?: WarningPattern[];
  /** Some finding's message must match. */
  message?: RegExp;
}

export interface Case {
  name: string;
  base?: Change | Change[];
  head: Change | Change[];
  expect: Outcome;
}

/** `path:line` of the line of `file` in `head` where `text` starts, escaped for a RegExp. */
export function locAt(head: Tree, file: string, text: string, where?: Where): string {
  return `${file}:${lineOf(head[file]!, text, where)}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function judge(
  c: Case,
): Promise<{ findings: Finding[]; verdict: CheckReport['verdict']; warnings: string[]; headTree: Tree }> {
  const baseTree = apply(demoFiles(), c.base);
  const headTree = apply(baseTree, c.head);
  const r = compareSurfaces(await surface(baseTree, 'base'), await surface(headTree, 'head'));
  return {
    findings: r.findings.filter((f) => f.kind !== 'note'),
    verdict: r.verdict,
    warnings: r.warnings.map((w) => w.message),
    headTree,
  };
}

/** Declares one case as a vitest test. */
export function check(c: Case): void {
  it(c.name, async () => {
    const r = await judge(c);
    const summary = `findings:\n${r.findings.map((f) => `  ${f.rule}: ${f.message}`).join('\n')}\nwarnings:\n  ${r.warnings.join('\n  ')}`;
    expect(firedRules(r.findings), summary).toEqual(c.expect.rules);
    expect(r.verdict, summary).toBe(c.expect.verdict);
    const wanted = (c.expect.warnings ?? []).map((w) => (typeof w === 'function' ? w(r.headTree) : w));
    for (const w of r.warnings)
      expect(
        wanted.some((re) => re.test(w)),
        `unexpected warning: ${w}`,
      ).toBe(true);
    for (const re of wanted)
      expect(
        r.warnings.some((w) => re.test(w)),
        `no warning matches ${re}\n${summary}`,
      ).toBe(true);
    if (c.expect.message)
      expect(
        r.findings.some((f) => c.expect.message!.test(f.message)),
        summary,
      ).toBe(true);
  });
}
