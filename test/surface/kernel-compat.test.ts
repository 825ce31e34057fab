/**
 * Kernel ranges in filler code: with the minimum kernel the driver states, conditional groups on
 * the kernel version that every supported kernel resolves alike are plain code (the taken branch)
 * and dead code (the others), so only real compatibility regions are set aside.
 */
import { describe, expect, it } from 'vitest';
import { cText } from '../../src/parse/c-text.js';
import { kernelVersion } from '../../src/parse/conditions.js';
import { codeDelta } from '../../src/rules/schema/code-pairs.js';
import { extractCodeBodies } from '../../src/surface/extract/code-bodies.js';
import { conditionalGroups, markCompat } from '../../src/surface/extract/code/kernel-compat.js';
import { lex } from '../../src/surface/extract/code/lexer.js';
import { compatVariants, type CodeFunction } from '../../src/surface/model.js';

const MIN = kernelVersion(3, 10, 0);
const FILLERS = 'driver/ppm_fillers.c';

const fn = (src: string, name: string, minKernel = MIN): CodeFunction => {
  const f = extractCodeBodies(FILLERS, src, minKernel).functions[name];
  if (!f) throw new Error(`no function ${name}`);
  return f;
};

/** `int f(int x) { <body> return x; }` */
const f = (body: string) => `int f(int x) {\n${body}\n\treturn x;\n}\n`;
const PLAIN = f('\tx = cur(x);');

describe('conditionalGroups: groups every supported kernel resolves alike', () => {
  const decided = (cond: string, minKernel = MIN, withElse = true) => {
    const T = lex(cText(`#if ${cond}\na();\n${withElse ? '#else\nb();\n' : ''}#endif\n`).text);
    markCompat(T);
    return [...conditionalGroups(T, minKernel).values()][0]!.decided;
  };

  it('a branch only for kernels below the minimum: the #else is taken', () => {
    expect(decided('LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 32)')).toBe(1);
  });

  it('a branch for every kernel from below the minimum on is taken; without #else, one only below it is none', () => {
    expect(decided('LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 0)', MIN, false)).toBe(0);
    expect(decided('LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 0)', MIN, false)).toBe(-1);
  });

  it('a threshold inside the range, or a kernel feature, decides nothing', () => {
    expect(decided('LINUX_VERSION_CODE >= KERNEL_VERSION(5, 8, 0)')).toBeUndefined();
    expect(decided('defined(HAS_FS_MNT_IDMAP)')).toBeUndefined();
    expect(decided('LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 0) && defined(HAS_FS_MNT_IDMAP)')).toBeUndefined();
  });

  it('with no stated minimum, no version test is decided', () => {
    expect(decided('LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 32)', 0n)).toBeUndefined();
  });

  it('only kernel-compatibility groups are decided', () => {
    expect(decided('defined(CONFIG_COMPAT)')).toBeUndefined();
  });
});

describe('extractCodeBodies with the supported kernel range', () => {
  const DEAD_OLD = f('#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 32)\n\tx = old(x);\n#else\n\tx = cur(x);\n#endif');

  it('a branch below the minimum is dead: the function is its live code, with no compatibility variants', () => {
    const g = fn(DEAD_OLD, 'f');
    const live = fn(PLAIN, 'f').hash;
    expect(compatVariants(g)).toEqual({ oldest: [live, live, live, live], newest: live });
  });

  it('a change confined to the dead branch changes nothing the rules compare', () => {
    const [base, head] = [fn(DEAD_OLD, 'f'), fn(DEAD_OLD.replace('old(x)', 'older(x, 1)'), 'f')];
    expect(head.hash).not.toBe(base.hash);
    expect(compatVariants(head)).toEqual(compatVariants(base));
    expect(codeDelta(base, head)).toBe('compat');
  });

  it('a change in the branch every supported kernel takes is logic; without a stated minimum it is compatibility code', () => {
    const changed = DEAD_OLD.replace('cur(x)', 'cur(x + 1)');
    expect(codeDelta(fn(DEAD_OLD, 'f'), fn(changed, 'f'))).toBe('logic');
    expect(codeDelta(fn(DEAD_OLD, 'f', 0n), fn(changed, 'f', 0n))).toBe('compat');
  });

  it('existing code wrapped in a group the range decides: compatVariants unchanged', () => {
    const wrapped = f('#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 0)\n\tx = cur(x);\n#endif');
    const [base, head] = [fn(PLAIN, 'f'), fn(wrapped, 'f')];
    expect(compatVariants(head)).toEqual(compatVariants(base));
    expect(codeDelta(base, head)).toBe('compat');
  });

  it('existing code wrapped in a new compat #if inside the range: the oldest build still sees it', () => {
    const wrapped = f(
      '#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)\n\tx = cur(x);\n#else\n\tx = cur_v2(x);\n#endif',
    );
    const [base, head] = [fn(PLAIN, 'f'), fn(wrapped, 'f')];
    expect(compatVariants(head).oldest).toEqual(compatVariants(base).oldest);
    expect(compatVariants(head).newest).not.toBe(compatVariants(base).newest);
    expect(codeDelta(base, head)).toBe('compat');
  });

  it("when the minimum kernel moved, the oldest builds are not comparable: the newest kernel's build decides", () => {
    // The minimum raised to 3.10 and the code only older kernels built removed with it.
    const oldRange = f('#if LINUX_VERSION_CODE < KERNEL_VERSION(3, 0, 0)\n\tx = old(x);\n#else\n\tx = cur(x);\n#endif');
    const [base, head] = [fn(oldRange, 'f', kernelVersion(2, 6, 32)), fn(PLAIN, 'f')];
    expect(codeDelta(base, head, true)).toBe('compat');
    // Not moved: the oldest build changed, the newest did not (a build fix for old kernels).
    expect(codeDelta(base, head)).toBe('compat');
    expect(codeDelta(base, fn(PLAIN.replace('cur(x)', 'cur(x + 1)'), 'f'), true)).toBe('logic');
  });

  it('a helper defined only for kernels below the minimum is compiled by no build: it is no function, and changing it changes nothing', () => {
    const src = (body: string) =>
      `#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 32)\nstatic int ancient_helper(int x) {\n\t${body}\n}\n#endif\n${PLAIN}`;
    const base = extractCodeBodies(FILLERS, src('return x + 1;'), MIN);
    expect(Object.keys(base.functions)).toEqual(['f']);
    expect(extractCodeBodies(FILLERS, src('return x + 2;'), MIN)).toEqual(base);
    // Inside the range it is a kernel-specific helper.
    expect(extractCodeBodies(FILLERS, src('return x + 1;'), 0n).functions.ancient_helper?.kernelSpecific).toBe(true);
  });

  it('a helper with one definition per kernel branch, one of them dead: the live one is the function, not kernel-specific', () => {
    const src = [
      '#if LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 0)',
      'static pid_t reaper(struct task_struct *t) { return find(t); }',
      '#else',
      'static pid_t reaper(struct task_struct *t) { return 0; }',
      '#endif',
    ].join('\n');
    const r = fn(src, 'reaper');
    const live = fn('static pid_t reaper(struct task_struct *t) { return find(t); }\n', 'reaper');
    expect(r.kernelSpecific).toBeUndefined();
    expect(r.hash).toBe(live.hash);
    expect(r).not.toHaveProperty('compatVariants');
    // Without a stated minimum both are kernel variants.
    expect(fn(src, 'reaper', 0n).kernelSpecific).toBe(true);
    // The same when the live definition is the #else.
    const mirrored = [
      '#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 0)',
      'static pid_t reaper(struct task_struct *t) { return 0; }',
      '#else',
      'static pid_t reaper(struct task_struct *t) { return find(t); }',
      '#endif',
    ].join('\n');
    expect(fn(mirrored, 'reaper').kernelSpecific).toBeUndefined();
    expect(fn(mirrored, 'reaper').hash).toBe(live.hash);
  });
});

describe('a CO-RE check whose else a directive wraps', () => {
  const PROG = 'driver/modern_bpf/helpers/extract/extract_from_kernel.h';
  const src = (open: string, close: string) =>
    [
      'static __always_inline void read_uid(struct task_struct *task, u32 *uid) {',
      '\tif (bpf_core_field_exists(task->loginuid)) {',
      '\t\tREAD_TASK_FIELD_INTO(uid, task, loginuid.val);',
      '\t}',
      `${open}\telse {`,
      '\t\tread_other(uid, task);',
      '\t}',
      `${close}}`,
      '',
    ].join('\n');
  const at = (s: string) => extractCodeBodies(PROG, s, 0n).functions.read_uid!;

  it('an #ifdef of a kernel-specific switch around the else is a kernel build matter: the builds of the check are unchanged', () => {
    expect(codeDelta(at(src('', '')), at(src('#ifdef __COS_WORKAROUND__\n', '#endif\n')))).toBe('compat');
  });
});
