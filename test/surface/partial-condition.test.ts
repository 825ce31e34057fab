/**
 * Conditions as far as a kernel build decides them (extract/code/partial-condition.ts,
 * kernel-compat.ts: decide), and compat groups resolved that far.
 */
import { describe, expect, it } from 'vitest';
import { kernelVersion } from '../../src/parse/conditions.js';
import { codeDelta } from '../../src/rules/schema/code-pairs.js';
import { extractCodeBodies } from '../../src/surface/extract/code-bodies.js';
import { decide, oldestBuilds } from '../../src/surface/extract/code/kernel-compat.js';
import { partialCondition } from '../../src/surface/extract/code/partial-condition.js';

/** Atoms: A = 1, Z = 0, anything else unknown. */
const atom = (expr: string): bigint | null => (expr === 'A' ? 1n : expr === 'Z' ? 0n : null);

describe('partialCondition', () => {
  it.each([
    ['A', { value: true }],
    ['Z || A', { value: true }],
    ['X && Z', { value: false }],
    ['X', { text: 'X', simplified: false }],
    ['X && A', { text: 'X', simplified: true }],
    ['A && X || Z', { text: 'X', simplified: true }],
    ['( X && A ) || Y', { text: '( X ) || Y', simplified: true }],
    ['! ( Z )', { value: true }],
    ['! Y', { text: '! Y', simplified: false }],
    // `!` binds tighter than `==`: the whole comparison is one expression.
    ['! A == 0', { text: '! A == 0', simplified: false }],
    // A ternary is left whole.
    ['A ? X : Y', { text: 'A ? X : Y', simplified: false }],
  ])('%s', (cond, expected) => {
    expect(partialCondition(cond, atom)).toEqual(expected);
  });

  it("decides what a kernel build knows, and leaves the architecture and the driver's switches", () => {
    const [bare, , probed] = oldestBuilds(kernelVersion(3, 10, 0));
    expect(decide('defined ( CONFIG_S390 ) && HAS_COMPAT_S390', probed!)).toEqual({
      text: 'defined ( CONFIG_S390 )',
      simplified: true,
    });
    expect(decide('defined ( CONFIG_S390 ) && HAS_COMPAT_S390', bare!)).toEqual({ value: false });
    expect(decide('LINUX_VERSION_CODE >= KERNEL_VERSION ( 3 , 0 , 0 ) && defined ( UDIG )', bare!)).toEqual({
      text: 'defined ( UDIG )',
      simplified: true,
    });
    expect(decide('defined(__NR_clone3)', bare!)).toEqual({ text: 'defined ( __NR_clone3 )', simplified: false });
  });
});

describe('compat groups resolved as far as each build decides them', () => {
  const ARCH = (s390: string) => `static bool in_ia32(void) {
#if defined(CONFIG_X86_64)
	if (x86_compat()) return true;
#elif ${s390}
	if (s390_compat()) return true;
#endif
	return false;
}
`;
  const at = (src: string) => extractCodeBodies('driver/main.c', src, kernelVersion(3, 10, 0)).functions.in_ia32!;

  it('a kernel-API test added to an architecture conditional is a kernel build matter (libs ccc63215f)', () => {
    const base = at(ARCH('defined(CONFIG_S390)'));
    expect(codeDelta(base, at(ARCH('defined(CONFIG_S390) && HAS_COMPAT_S390')))).toBe('compat');
    expect(codeDelta(base, at(ARCH('defined(CONFIG_S390) && LINUX_VERSION_CODE < KERNEL_VERSION(6, 19, 0)')))).toBe(
      'compat',
    );
    // The architecture's code changed as well: logic.
    expect(
      codeDelta(base, at(ARCH('defined(CONFIG_S390) && HAS_COMPAT_S390').replace('s390_compat()', 's390_compat(1)'))),
    ).toBe('logic');
    // What no kernel build decides stays: another architecture is logic.
    expect(
      codeDelta(base, at(ARCH('defined(CONFIG_S390) && HAS_COMPAT_S390').replace('x86_compat()', 'x86_compat(1)'))),
    ).toBe('logic');
  });

  it("a group whose choice depends on the driver's own switch is not decided by the kernel range", () => {
    const src = (body: string) =>
      `int f(int x) {\n#if LINUX_VERSION_CODE < KERNEL_VERSION(2, 6, 0) || defined(DRIVER_SWITCH)\n\t${body}\n#endif\n\treturn x;\n}\n`;
    const f = (body: string) =>
      extractCodeBodies('driver/ppm_fillers.c', src(body), kernelVersion(3, 10, 0)).functions.f!;
    expect(codeDelta(f('x = 1;'), f('x = 2;'))).toBe('logic');
  });
});
