/**
 * Adversarial edits to the structs userspace shares with the drivers, on the demo driver tree:
 * each changes (or keeps) the layout as gcc computes it, with a construct a reader of the
 * declarations alone would get wrong. Same harness as untrusted.test.ts: every case pins the
 * rules that report, the verdict and every warning.
 */
import { describe, expect, it } from 'vitest';
import { compareSurfaces } from '../../src/pipeline.js';
import type { Finding } from '../../src/rules/types.js';
import type { CheckReport } from '../../src/verdict/types.js';
import { apply, demoFiles, firedRules, setFile, surface, type Change, type Tree } from '../rules/tester.js';

const RINGBUF = 'driver/ppm_ringbuffer.h';
const STRUCTS = 'driver/modern_bpf/shared_definitions/struct_definitions.h';
const SHARED_DIR = 'driver/modern_bpf/shared_definitions';
const CAPTURE_SETTINGS = 'struct capture_settings {';

const inFile =
  (file: string) =>
  (...pairs: Array<[string, string]>): Change =>
  (t: Tree) => {
    let s = t[file];
    if (s === undefined) throw new Error(`no ${file}`);
    for (const [a, b] of pairs) {
      if (!s.includes(a)) throw new Error(`not in ${file}: ${a}`);
      s = s.replace(a, b);
    }
    return { ...t, [file]: s };
  };
const inRingbuf = inFile(RINGBUF);
const inStructs = inFile(STRUCTS);

interface Outcome {
  /** The rules that must report (sorted, unique), exactly. */
  rules: string[];
  verdict: CheckReport['verdict'];
  /** Every warning must match one of these, and each of these must match a warning. */
  warnings?: RegExp[];
  /** Some finding's message must match. */
  message?: RegExp;
}

interface Case {
  name: string;
  base?: Change | Change[];
  head: Change | Change[];
  expect: Outcome;
}

async function judge(c: Case): Promise<{ findings: Finding[]; verdict: CheckReport['verdict']; warnings: string[] }> {
  const baseTree = apply(demoFiles(), c.base);
  const r = compareSurfaces(await surface(baseTree, 'base'), await surface(apply(baseTree, c.head), 'head'));
  return { findings: r.findings.filter((f) => f.kind !== 'note'), verdict: r.verdict, warnings: r.warnings.map((w) => w.message) };
}

function check(c: Case): void {
  it(c.name, async () => {
    const r = await judge(c);
    const summary = `findings:\n${r.findings.map((f) => `  ${f.rule}: ${f.message}`).join('\n')}\nwarnings:\n  ${r.warnings.join('\n  ')}`;
    expect(firedRules(r.findings), summary).toEqual(c.expect.rules);
    expect(r.verdict, summary).toBe(c.expect.verdict);
    const wanted = c.expect.warnings ?? [];
    for (const w of r.warnings) expect(wanted.some((re) => re.test(w)), `unexpected warning: ${w}`).toBe(true);
    for (const re of wanted) expect(r.warnings.some((w) => re.test(w)), `no warning matches ${re}\n${summary}`).toBe(true);
    if (c.expect.message) expect(r.findings.some((f) => c.expect.message!.test(f.message)), summary).toBe(true);
  });
}

const LAYOUT = (name: string, message?: RegExp): Outcome => ({ rules: ['struct-layout-changed'], verdict: 'fail', message: message ?? new RegExp(`struct ${name} layout changed`) });
const NO_CHANGE: Outcome = { rules: [], verdict: 'pass' };

describe('two spellings of one LP64 type are one type', () => {
  check({
    name: 'uint64_t spelled unsigned long (LP64: same layout) is no change',
    head: inRingbuf(['\tvolatile uint64_t n_evts;', '\tvolatile unsigned long n_evts;']),
    expect: NO_CHANGE,
  });
  check({
    name: 'uint64_t spelled size_t, unsigned long int, __u64 and long unsigned is no change',
    head: inRingbuf(
      ['\tvolatile uint64_t n_evts;', '\tvolatile size_t n_evts;'],
      ['\tvolatile uint64_t n_drops_buffer;', '\tvolatile unsigned long int n_drops_buffer;'],
      ['\tvolatile uint64_t n_drops_pf;', '\tvolatile long unsigned n_drops_pf;'],
    ),
    expect: NO_CHANGE,
  });
  check({
    name: 'unsigned long narrowed to uint32_t is a change, reported with the types as spelled',
    base: inRingbuf(['\tvolatile uint64_t n_evts;', '\tvolatile unsigned long n_evts;']),
    head: inRingbuf(['\tvolatile unsigned long n_evts;', '\tvolatile uint32_t n_evts;']),
    expect: LAYOUT('ppm_ring_buffer_info', /n_evts changed from unsigned long \(size 8\) to uint32_t \(size 4\)/),
  });
  check({
    name: 'uint64_t made signed (long) is still a change',
    head: inRingbuf(['\tvolatile uint64_t n_evts;', '\tvolatile long n_evts;']),
    expect: LAYOUT('ppm_ring_buffer_info', /n_evts changed from uint64_t \(size 8\) to long \(size 8\)/),
  });
});

describe('typedefs are seen through the include tree, as macros are', () => {
  const withTypedef = inStructs(['struct counter_map {\n\tuint64_t n_evts;', 'typedef uint64_t cnt_t;\n\nstruct counter_map {\n\tcnt_t n_evts;']);
  check({
    name: 'a typedef narrowed, with the old typedef repeated in a file the header never includes',
    base: withTypedef,
    head: [inStructs(['typedef uint64_t cnt_t;', 'typedef uint32_t cnt_t;']), inFile('driver/dynamic_params_table.c')(['#include "ppm_events_public.h"', '#include "ppm_events_public.h"\ntypedef uint64_t cnt_t;'])],
    expect: LAYOUT('counter_map'),
  });
  check({
    name: 'a typedef moved unchanged into an included header is no change',
    base: withTypedef,
    head: [inStructs(['typedef uint64_t cnt_t;', '#include "cnt.h"']), setFile(`${SHARED_DIR}/cnt.h`, '#pragma once\ntypedef uint64_t cnt_t;\n')],
    expect: NO_CHANGE,
  });
  check({
    name: 'a typedef the header takes from its includers, defined differently by two of them',
    base: withTypedef,
    head: [
      inStructs(['typedef uint64_t cnt_t;\n', '']),
      inFile('driver/dynamic_params_table.c')(['#include "ppm_events_public.h"', '#include "ppm_events_public.h"\ntypedef uint64_t cnt_t;']),
      inFile('driver/flags_table.c')(['#include "ppm_events_public.h"', '#include "ppm_events_public.h"\ntypedef uint32_t cnt_t;']),
    ],
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [/the layout of struct counter_map cannot be computed \(n_evts: typedef cnt_t has definitions that differ \(driver\/dynamic_params_table\.c:3 and driver\/flags_table\.c:3\)/],
    },
  });
});
