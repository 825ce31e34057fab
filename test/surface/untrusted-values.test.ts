/**
 * Adversarial edits of the values the surface computes (enum values, flag values, ioctl
 * numbers, array sizes, the version files), on the demo driver tree: each value is what gcc
 * computes and the build reads, and a value the model cannot compute is never a silent pass.
 * Each case pins the exact outcome: the rules that report, the verdict, the warnings.
 */
import { describe, expect, it } from 'vitest';
import { compareSurfaces } from '../../src/pipeline.js';
import type { CheckReport } from '../../src/verdict/types.js';
import {
  apply,
  demoFiles,
  editFile,
  firedRules,
  inEventTable,
  inFlagsTable,
  inHeader,
  surface,
  type Change,
} from '../rules/tester.js';

const inStructs = editFile('driver/modern_bpf/shared_definitions/struct_definitions.h');

interface Outcome {
  /** The rules that must report (sorted, unique), exactly; notes aside. */
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

function check(c: Case): void {
  it(c.name, async () => {
    const baseTree = apply(demoFiles(), c.base);
    const r = compareSurfaces(await surface(baseTree, 'base'), await surface(apply(baseTree, c.head), 'head'));
    const findings = r.findings.filter((f) => f.kind !== 'note');
    const warnings = r.warnings.map((w) => w.message);
    const summary = `findings:\n${findings.map((f) => `  ${f.rule}: ${f.message}`).join('\n')}\nwarnings:\n  ${warnings.join('\n  ')}`;
    expect(firedRules(findings), summary).toEqual(c.expect.rules);
    expect(r.verdict, summary).toBe(c.expect.verdict);
    const wanted = c.expect.warnings ?? [];
    for (const w of warnings)
      expect(
        wanted.some((re) => re.test(w)),
        `unexpected warning: ${w}`,
      ).toBe(true);
    for (const re of wanted)
      expect(
        warnings.some((w) => re.test(w)),
        `no warning matches ${re}\n${summary}`,
      ).toBe(true);
    if (c.expect.message)
      expect(
        findings.some((f) => c.expect.message!.test(f.message)),
        summary,
      ).toBe(true);
  });
}

const LAYOUT = (name: string): Outcome => ({
  rules: ['struct-layout-changed'],
  verdict: 'fail',
  message: new RegExp(`struct ${name} layout changed`),
});

describe('constant expressions as gcc computes them', () => {
  check({
    name: 'a cast truncates an enum value',
    head: inHeader(['EF_LARGE_PAYLOAD = (1 << 11),', 'EF_LARGE_PAYLOAD = (uint8_t)(1 << 11),']),
    expect: { rules: ['enum-value-renumbered'], verdict: 'fail', message: /EF_LARGE_PAYLOAD/ },
  });
  check({
    name: 'a (bool) cast on a flag define',
    head: inHeader(['#define PPM_O_CREAT (1 << 2)', '#define PPM_O_CREAT ((bool)(1 << 2))']),
    expect: { rules: ['flag-value-changed'], verdict: 'fail', message: /O_CREAT/ },
  });
  check({
    name: 'a multi-character constant as the ioctl magic',
    head: inHeader(["#define PPM_IOCTL_MAGIC 's'", "#define PPM_IOCTL_MAGIC 's\\0'"]),
    expect: { rules: ['ioctl-renumbered'], verdict: 'fail', message: /PPM_IOCTL_SET_SNAPLEN/ },
  });
  check({
    name: 'unsigned arithmetic in a flag define',
    head: inHeader(['#define PPM_O_CREAT (1 << 2)', '#define PPM_O_CREAT (-((0u - 8) / 2))']),
    expect: { rules: ['flag-value-changed'], verdict: 'fail', message: /O_CREAT/ },
  });
  check({
    name: 'an array sized through a narrowing cast',
    head: inStructs(['#define AUXILIARY_MAP_SIZE 16 * 1024', '#define AUXILIARY_MAP_SIZE (uint8_t)(16 * 1024)']),
    expect: LAYOUT('auxiliary_map'),
  });
  check({
    name: 'an array sized through a cast to a typedef of unsigned char',
    head: inStructs([
      '#define AUXILIARY_MAP_SIZE 16 * 1024',
      'typedef unsigned char byte;\n#define AUXILIARY_MAP_SIZE (byte)(16 * 1024)',
    ]),
    expect: LAYOUT('auxiliary_map'),
  });
  check({
    name: 'the same ioctl magic written as an octal escape is no change',
    head: inHeader(["#define PPM_IOCTL_MAGIC 's'", "#define PPM_IOCTL_MAGIC '\\163'"]),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a flag-table value written 1 << 31 or 1u << 31 is the same uint32_t',
    base: inFlagsTable(['{"O_NONE", PPM_O_NONE},', '{"O_NONE", PPM_O_NONE},\n        {"O_TOP", 1 << 31},']),
    head: inFlagsTable(['{"O_TOP", 1 << 31},', '{"O_TOP", 1u << 31},']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'an enum value cast to a type the evaluator does not know is unknown, never the value uncast',
    head: inHeader(['EF_LARGE_PAYLOAD = (1 << 11),', 'EF_LARGE_PAYLOAD = (narrow_flag)(1 << 11),']),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [/EF_LARGE_PAYLOAD at head: its value cannot be computed \(\(narrow_flag\)\(1 << 11\)\)/],
    },
  });
});

describe('values the model cannot compute are never a silent pass', () => {
  const ioctl3 = '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)';
  check({
    name: 'an ioctl renumbered through a name from outside the tree',
    head: inHeader([ioctl3, '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, EXTERNAL_NR + 1)']),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /^PPM_IOCTL_ENABLE_TP at head: its value cannot be computed \(_IO\(PPM_IOCTL_MAGIC, EXTERNAL_NR \+ 1\)\)/,
      ],
    },
  });
  check({
    name: 'an enum value unknown on both sides whose expression changed',
    base: inHeader(['\tPF_OCT = 3,', '\tPF_OCT = EXTERNAL_FORMAT,']),
    head: inHeader(['\tPF_OCT = EXTERNAL_FORMAT,', '\tPF_OCT = EXTERNAL_FORMAT + 1,']),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /^PF_OCT: its value cannot be computed at base \(EXTERNAL_FORMAT\) nor at head \(EXTERNAL_FORMAT \+ 1\)/,
      ],
    },
  });
  check({
    name: 'an ioctl unknown on both sides whose expression changed',
    base: inHeader([ioctl3, '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, EXTERNAL_NR)']),
    head: inHeader([
      '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, EXTERNAL_NR)',
      '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, EXTERNAL_NR + 1)',
    ]),
    expect: { rules: [], verdict: 'fail', warnings: [/^PPM_IOCTL_ENABLE_TP: its value cannot be computed at base/] },
  });
  check({
    name: 'an enum value unknown on both sides and written the same is no change',
    base: inHeader(['\tPF_OCT = 3,', '\tPF_OCT = EXTERNAL_FORMAT,']),
    head: inHeader(['\tPF_OCT = EXTERNAL_FORMAT,', '\tPF_OCT = EXTERNAL_FORMAT, /* octal */']),
    expect: { rules: [], verdict: 'pass' },
  });
  const nparams3 = '                                 3,\n                                 {{"fd", PT_FD, PF_DEC},';
  check({
    name: 'an event whose nparams can no longer be computed',
    head: inEventTable([nparams3, nparams3.replace('3,', 'EXTERNAL_COUNT,')]),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [/^the nparams of PPME_SYSCALL_OPEN_X at head: its value cannot be computed \(EXTERNAL_COUNT\)/],
    },
  });
  check({
    name: 'an event whose nparams is unknown on both sides and written differently',
    base: inEventTable([nparams3, nparams3.replace('3,', 'EXTERNAL_COUNT,')]),
    head: inEventTable(['EXTERNAL_COUNT,', 'EXTERNAL_COUNT + 1,']),
    expect: {
      rules: [],
      verdict: 'fail',
      warnings: [
        /^the nparams of PPME_SYSCALL_OPEN_X: its value cannot be computed at base \(EXTERNAL_COUNT\) nor at head \(EXTERNAL_COUNT \+ 1\)/,
      ],
    },
  });
  // The hostile review's case: gcc predefines __INT_WIDTH__ (32), so the number becomes 5. Until
  // the model knows the compiler's predefined macros, the value is unknown: never a pass.
  it('an ioctl renumbered through a compiler-predefined macro', async () => {
    const baseTree = demoFiles();
    const head = apply(
      baseTree,
      inHeader([ioctl3, '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, __INT_WIDTH__ / 8 + 1)']),
    );
    const r = compareSurfaces(await surface(baseTree, 'base'), await surface(head, 'head'));
    const renumbered = r.findings.some((f) => f.rule === 'ioctl-renumbered' && /PPM_IOCTL_ENABLE_TP/.test(f.message));
    const unknown = r.warnings.some(
      (w) => w.incomplete && /^PPM_IOCTL_ENABLE_TP at head: its value cannot be computed/.test(w.message),
    );
    expect(renumbered || unknown).toBe(true);
    expect(r.verdict).toBe('fail');
  });
});

describe('version files as the build reads them', () => {
  // libs' compute_versions.cmake reads the first line with file(STRINGS ... LIMIT_COUNT 1), which
  // drops every CR and ends a line at LF only; driver_config.h.in pastes each number into a C
  // #define, where a leading zero makes it octal: "3.010.0" builds as PPM_API_VERSION(3, 8, 0).
  const newIoctl = inHeader([
    '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)',
    '#define PPM_IOCTL_ENABLE_TP _IO(PPM_IOCTL_MAGIC, 3)\n#define PPM_IOCTL_NEW_THING _IO(PPM_IOCTL_MAGIC, 4)',
  ]);
  const apiVersion =
    (v: string): Change =>
    (t) => ({ ...t, 'driver/API_VERSION': v });
  const judge = async (base: Change, head: Change | Change[]) => {
    const baseTree = apply(demoFiles(), base);
    return compareSurfaces(await surface(baseTree, 'base'), await surface(apply(baseTree, head), 'head'));
  };

  it('a component with a leading zero (octal once built) is not a valid bump', async () => {
    const r = await judge(apiVersion('3.9.0\n'), [newIoctl, apiVersion('3.010.0\n')]);
    expect(firedRules(r.findings.filter((f) => f.kind !== 'note'))).toEqual(['ioctl-added']);
    expect(r.versions.api.status, JSON.stringify(r.versions.api)).toBe('invalid');
    expect(r.verdict).toBe('fail');
  });
  it('a carriage return inside the first line is read as CMake reads it ("3.1.0\\r1" is 3.1.01)', async () => {
    const r = await judge(apiVersion('3.1.0\n'), apiVersion('3.1.0\r1\n'));
    expect(r.versions.api.status, JSON.stringify(r.versions.api)).toBe('invalid');
    expect(r.verdict).toBe('fail');
  });
  it('a lone CR ends no line: "3.1.0\\r4.0.0" is one line, no version', async () => {
    const r = await judge(apiVersion('3.1.0\n'), apiVersion('3.1.0\r4.0.0\r'));
    expect(r.versions.api.status, JSON.stringify(r.versions.api)).toBe('invalid');
    expect(r.verdict).toBe('fail');
  });
  it('a CRLF line end is no change', async () => {
    const r = await judge(apiVersion('3.1.0\n'), apiVersion('3.1.0\r\n'));
    expect(r.versions.api.status).toBe('ok');
    expect(r.verdict).toBe('pass');
  });
});

describe('names JavaScript objects already have', () => {
  const inMaps = editFile('driver/modern_bpf/maps/maps.h');
  check({
    name: 'a new flag table named __proto__',
    head: inFlagsTable([
      'const struct ppm_name_value fcntl_commands[]',
      'const struct ppm_name_value __proto__[] = {\n        {"A", 1},\n        {0, 0},\n};\n\nconst struct ppm_name_value fcntl_commands[]',
    ]),
    expect: { rules: ['flag-value-added'], verdict: 'fail', message: /__proto__/ },
  });
  check({
    name: 'a new print format enumerator named __proto__',
    head: inHeader(['\tPF_OCT = 3,', '\tPF_OCT = 3,\n\t__proto__ = 4,']),
    expect: { rules: ['enum-value-added'], verdict: 'fail', message: /__proto__/ },
  });
  check({
    name: 'enumerators named __proto__ and constructor swap their numbers',
    base: inHeader(['\tPF_OCT = 3,', '\tPF_OCT = 3,\n\t__proto__ = 4,\n\tconstructor = 5,']),
    head: inHeader(['\t__proto__ = 4,\n\tconstructor = 5,', '\t__proto__ = 5,\n\tconstructor = 4,']),
    expect: { rules: ['enum-value-renumbered'], verdict: 'fail', message: /__proto__/ },
  });
  check({
    name: 'names JavaScript objects have, unchanged, are no change',
    base: [
      inHeader(['\tPF_OCT = 3,', '\tPF_OCT = 3,\n\t__proto__ = 4,\n\ttoString = 5,']),
      inFlagsTable(['{"O_NONE", PPM_O_NONE},', '{"O_NONE", PPM_O_NONE},\n        {"hasOwnProperty", 1 << 9},']),
    ],
    head: inHeader(['\ttoString = 5,', '\ttoString = 5, /* still 5 */']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a new bpf map named constructor',
    head: inMaps([
      '} capture_settings __weak SEC(".maps");',
      '} capture_settings __weak SEC(".maps");\n\nstruct {\n\t__uint(type, BPF_MAP_TYPE_ARRAY);\n\t__uint(max_entries, 1);\n\t__type(key, uint32_t);\n\t__type(value, uint32_t);\n} constructor __weak SEC(".maps");',
    ]),
    expect: { rules: ['bpf-map-added'], verdict: 'fail', message: /constructor/ },
  });
  check({
    name: 'an enum value through a macro named like a JavaScript method is unknown, never a crash',
    head: inHeader(['EF_LARGE_PAYLOAD = (1 << 11),', 'EF_LARGE_PAYLOAD = constructor(1, 11),']),
    expect: { rules: [], verdict: 'fail', warnings: [/EF_LARGE_PAYLOAD at head: its value cannot be computed/] },
  });
});
