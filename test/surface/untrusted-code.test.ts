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
    if (c.expect.message)
      expect(
        findings.some((f) => c.expect.message!.test(f.message)),
        summary,
      ).toBe(true);
    for (const note of c.expect.notes ?? [])
      expect(
        r.findings.some((f) => f.kind === 'note' && f.rule === note),
        summary,
      ).toBe(true);
  });
}

describe('code that builds the payload, as compiled', () => {
  const FILLERS = [
    '#include "ppm_events_public.h"',
    '#define MAX_PATH_LEN 256',
    '#define OPEN_FLAGS_ARG 1',
    'int f_sys_open_x(struct event_filler_arguments *args) {',
    '\tunsigned long val = syscall_get_argument(args, OPEN_FLAGS_ARG);',
    '\treturn val_to_ring(args, val, MAX_PATH_LEN, true, 0);',
    '}',
    '',
  ].join('\n');
  check({
    name: 'a top-level #define a filler uses changes which argument it reads',
    base: setFile(FILLERS_PATH, FILLERS),
    head: inFillers(['#define OPEN_FLAGS_ARG 1', '#define OPEN_FLAGS_ARG 2']),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /f_sys_open_x/ },
  });
  check({
    name: 'a #define redefined after the one a filler uses',
    base: setFile(FILLERS_PATH, FILLERS),
    head: inFillers([
      '#define MAX_PATH_LEN 256',
      '#define MAX_PATH_LEN 256\n#undef MAX_PATH_LEN\n#define MAX_PATH_LEN 16',
    ]),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /f_sys_open_x/ },
  });
  check({
    name: "a size in a helper header that the probe's programs use",
    base: [
      setFile('driver/modern_bpf/helpers/base/shared_size.h', '#define MAX_PATH 4096\n'),
      setFile(
        'driver/modern_bpf/programs/open.bpf.c',
        'SEC("tp_btf/sys_exit")\nint BPF_PROG(open_x, struct pt_regs *regs, long ret) {\n\tstruct auxiliary_map *auxmap = auxmap__get();\n\tauxmap__store_charbuf_param(auxmap, ret, MAX_PATH, USER);\n\treturn 0;\n}\n',
      ),
    ],
    head: inFile('driver/modern_bpf/helpers/base/shared_size.h')(['4096', '16']),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /open_x/ },
  });
  check({
    name: 'a #define no function uses changes nothing it sends',
    base: setFile(FILLERS_PATH, FILLERS),
    head: inFillers(['#define OPEN_FLAGS_ARG 1', '#define OPEN_FLAGS_ARG 1\n#define UNUSED_LIMIT 3']),
    expect: { rules: [], verdict: 'pass' },
  });
  check({
    name: 'a filler local made static (its value now carries over from event to event)',
    base: setFile(
      FILLERS_PATH,
      'int f_sys_open_x(struct event_filler_arguments *args) {\n\tint seq = 0;\n\tseq++;\n\treturn val_to_ring(args, seq, 0, false, 0);\n}\n',
    ),
    head: inFillers(['\tint seq = 0;', '\tstatic int seq = 0;']),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /f_sys_open_x/ },
  });
  check({
    name: 'a filler made static changes nothing it sends',
    base: setFile(
      FILLERS_PATH,
      'int f_sys_open_x(struct event_filler_arguments *args) {\n\tint seq = 0;\n\tseq++;\n\treturn val_to_ring(args, seq, 0, false, 0);\n}\n',
    ),
    head: inFillers(['int f_sys_open_x', 'static int f_sys_open_x']),
    expect: { rules: [], verdict: 'pass' },
  });
});

describe("the event table of the fillers and the kernel module's event path", () => {
  const FILLERS_TABLE = [
    '#include "ppm_events_public.h"',
    'const struct ppm_event_entry g_ppm_events[PPM_EVENT_MAX] = {',
    '        [PPME_GENERIC_X] = {FILLER_REF(sys_generic)},',
    '        [PPME_SYSCALL_OPEN_X] = {FILLER_REF(sys_open_x)},',
    '        [PPME_SYSCALL_CLOSE_X] = {FILLER_REF(sys_autofill), 2, APT_REG, {{AF_ID_RETVAL}, {0}}},',
    '};',
    '',
  ].join('\n');
  const TABLE = 'driver/fillers_table.c';
  // The hostile review expected filler-code-changed; event-filler-swapped (a SCHEMA patch too) is the rule for g_ppm_events.
  check({
    name: 'an autofill entry of g_ppm_events reads another syscall argument',
    base: setFile(TABLE, FILLERS_TABLE),
    head: inFile(TABLE)(['{{AF_ID_RETVAL}, {0}}', '{{AF_ID_RETVAL}, {1}}']),
    expect: { rules: ['event-filler-swapped'], verdict: 'fail', message: /PPME_SYSCALL_CLOSE_X/ },
  });
  check({
    name: 'g_ppm_events routes an event to another filler',
    base: setFile(TABLE, FILLERS_TABLE),
    head: inFile(TABLE)(['{FILLER_REF(sys_open_x)}', '{FILLER_REF(sys_generic)}']),
    expect: { rules: ['event-filler-swapped'], verdict: 'fail', message: /PPME_SYSCALL_OPEN_X/ },
  });

  const MAIN = 'driver/main.c';
  const RECORD =
    '\nstatic void record_event(struct ppm_evt_hdr *hdr, struct event_filler_arguments *args) {\n\thdr->type = args->event_type;\n\thdr->nparams = args->nargs;\n}\n';
  const withRecord = (t: Tree) => ({ ...t, [MAIN]: `${t[MAIN]}${RECORD}` });
  check({
    name: 'the kernel module stops writing nparams into the event header (main.c)',
    base: withRecord,
    head: inFile(MAIN)(['\thdr->nparams = args->nargs;\n', '']),
    expect: {
      rules: ['filler-code-changed'],
      verdict: 'fail',
      message: /record_event .*writes the event header differently/,
    },
  });
  check({
    name: 'the kernel module writes nparams from another value (main.c)',
    base: withRecord,
    head: inFile(MAIN)(['hdr->nparams = args->nargs;', 'hdr->nparams = args->nargs - 1;']),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /record_event/ },
  });
  check({
    name: "the module's control path changed: transport, a note",
    base: (t: Tree) => ({
      ...t,
      [MAIN]: `${t[MAIN]}\nstatic long ppm_ioctl(struct file *f, unsigned int cmd, unsigned long arg) {\n\treturn set_mode(f, arg);\n}\n`,
    }),
    head: inFile(MAIN)(['return set_mode(f, arg);', 'return set_mode(f, arg & 1);']),
    expect: { rules: [], verdict: 'pass', notes: ['transport-code-changed'] },
  });
  check({
    name: 'main.c compared as code still has its module params read',
    base: withRecord,
    head: inFile(MAIN)(['module_param(verbose, bool, 0444);', 'module_param(verbose, bool, 0644);']),
    expect: { rules: ['module-param-changed'], verdict: 'fail', message: /verbose/ },
  });
  check({
    name: "the modern probe's header writer stops writing nparams",
    base: setFile(
      'driver/modern_bpf/helpers/store/ringbuf_store_params.h',
      'static __always_inline void ringbuf__store_event_header(struct ringbuf_struct *ringbuf) {\n\tstruct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)ringbuf->data;\n\tuint8_t nparams = maps__get_event_num_params(ringbuf->event_type);\n\thdr->type = ringbuf->event_type;\n\thdr->nparams = nparams;\n}\n',
    ),
    head: inFile('driver/modern_bpf/helpers/store/ringbuf_store_params.h')([
      'uint8_t nparams = maps__get_event_num_params(ringbuf->event_type);',
      'uint8_t nparams = 0;',
    ]),
    expect: {
      rules: ['filler-code-changed'],
      verdict: 'fail',
      message: /ringbuf__store_event_header .*writes the event header differently/,
    },
  });
});

describe('payload code changed for every kernel is not a kernel build fix', () => {
  const FILLER = [
    'int f_sys_open_x(struct event_filler_arguments *args) {',
    '\tint res = val_to_ring(args, 1, 0, false, 0);',
    '#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 8, 0)',
    '\tres = val_to_ring(args, 2, 0, false, 0);',
    '#else',
    '\tres = val_to_ring(args, 3, 0, false, 0);',
    '#endif',
    '\treturn res;',
    '}',
    '',
  ].join('\n');
  const base = setFile(FILLERS_PATH, FILLER);
  check({
    name: 'both branches of a kernel-version conditional changed the same way',
    base,
    head: inFillers(
      ['val_to_ring(args, 2, 0', 'val_to_ring(args, 9, 0'],
      ['val_to_ring(args, 3, 0', 'val_to_ring(args, 9, 0'],
    ),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /f_sys_open_x/ },
  });
  check({
    name: 'new payload code in both branches of a new kernel-version conditional',
    base,
    head: inFillers([
      '\treturn res;',
      '#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 0, 0)\n\tres = val_to_ring(args, 7, 0, false, 0);\n#else\n\tres = val_to_ring(args, 8, 0, false, 0);\n#endif\n\treturn res;',
    ]),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /f_sys_open_x/ },
  });
  check({
    name: 'the branch of the newer kernels changed: a kernel build matter',
    base,
    head: inFillers(['val_to_ring(args, 2, 0', 'val_to_ring(args, 2, 1']),
    expect: { rules: [], verdict: 'pass', notes: ['filler-code-kernel-compat'] },
  });
  check({
    name: 'existing code wrapped for a newer kernel: a kernel build matter',
    base,
    head: inFillers([
      '\tint res = val_to_ring(args, 1, 0, false, 0);',
      '#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)\n\tint res = val_to_ring(args, 1, 0, false, 0);\n#else\n\tint res = val_to_ring(args, 1, 0, true, 0);\n#endif',
    ]),
    expect: { rules: [], verdict: 'pass', notes: ['filler-code-kernel-compat'] },
  });
});

describe('payload code added under a condition every supported kernel meets', () => {
  const FILLER =
    'int f_sys_open_x(struct event_filler_arguments *args) {\n\tint res = val_to_ring(args, 1, 0, false, 0);\n\treturn res;\n}\n';
  const addUnder = (condition: string): Change =>
    setFile(
      FILLERS_PATH,
      FILLER.replace(
        '\treturn res;',
        `${condition}\n\tres = val_to_ring(args, 7, 0, false, 0);\n#endif\n\treturn res;`,
      ),
    );
  const base = setFile(FILLERS_PATH, FILLER);
  for (const condition of [
    '#if LINUX_VERSION_CODE >= 0',
    '#ifdef CONFIG_MMU',
    '#ifndef CONFIG_DRIVER_SEMVER_NEVER_SET',
    '#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 0, 0) || defined(CONFIG_MMU)',
  ]) {
    check({
      name: `new payload code under ${condition}`,
      base,
      head: addUnder(condition),
      expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /f_sys_open_x/ },
    });
  }
  check({
    name: 'new payload code for newer kernels only: a kernel build matter',
    base,
    head: addUnder('#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)'),
    expect: { rules: [], verdict: 'pass', notes: ['filler-code-kernel-compat'] },
  });
  check({
    name: "a CO-RE feature check that also tests the event's data is payload logic",
    base: setFile(
      'driver/modern_bpf/programs/quota.bpf.c',
      'SEC("tp_btf/sys_exit")\nint BPF_PROG(quotactl_x, struct pt_regs *regs, long ret) {\n\tstruct auxiliary_map *auxmap = auxmap__get();\n\tif(bpf_core_type_exists(struct if_dqblk) && ret == 1) {\n\t\tauxmap__store_u64_param(auxmap, 1);\n\t}\n\treturn 0;\n}\n',
    ),
    head: inFile('driver/modern_bpf/programs/quota.bpf.c')(['ret == 1', 'ret == 2']),
    expect: { rules: ['filler-code-changed'], verdict: 'fail', message: /quotactl_x/ },
  });
});
