/**
 * The build configurations the driver surface is computed for, as data in one place: which
 * macros each build predefines, which files it compiles, where it looks for headers, and which
 * macros come from outside the tree (kernel, libc, compiler), so that a condition on them is
 * unknown rather than false. Read from libs' own build files and `#if`s: the kernel module
 * (driver/Makefile.in, `-D__KERNEL__`), the legacy eBPF probe (driver/bpf/Makefile:
 * `-D__KERNEL__ -D__BPF_TRACING__`, clang `-target bpf`), the modern probe
 * (driver/modern_bpf/CMakeLists.txt: `-D__TARGET_ARCH_${ARCH} -D__USE_VMLINUX__`, clang
 * `-target bpf`) and libscap/libpman, which compile their own copies of the tables and read the
 * shared headers; each on the LP64 architectures libs builds.
 */

export type View = 'kmod' | 'legacy' | 'modern' | 'userspace';
export type Arch = 'x86_64' | 'aarch64' | 's390x' | 'ppc64le' | 'riscv64' | 'loongarch64';

export const VIEWS: View[] = ['kmod', 'legacy', 'modern', 'userspace'];
export const ARCHES: Arch[] = ['x86_64', 'aarch64', 's390x', 'ppc64le', 'riscv64', 'loongarch64'];

export const VIEW_LABEL: Record<View, string> = {
  kmod: 'kernel module',
  legacy: 'legacy eBPF probe',
  modern: 'modern eBPF probe',
  userspace: 'libscap/libpman',
};

export interface BuildConfig {
  /** Index in CONFIGS (a bit in presence masks). */
  index: number;
  view: View;
  arch: Arch;
  /** Object-like macros the compiler command line or the compiler itself defines. */
  defines: Record<string, string>;
  /** Kernel builds read LINUX_VERSION_CODE from the target kernel's headers: a range. */
  kernel: boolean;
}

/** What the compiler predefines for the architecture when it compiles for it natively (gcc). */
const COMPILER_ARCH: Record<Arch, Record<string, string>> = {
  x86_64: { __x86_64__: '1', __x86_64: '1', __amd64__: '1', __amd64: '1' },
  aarch64: { __aarch64__: '1' },
  s390x: { __s390x__: '1', __s390__: '1' },
  ppc64le: { __powerpc64__: '1', __powerpc__: '1', __PPC64__: '1', __PPC__: '1', __LITTLE_ENDIAN__: '1' },
  riscv64: { __riscv: '1', __riscv_xlen: '64' },
  loongarch64: { __loongarch64: '1', __loongarch__: '1', __loongarch_lp64: '1' },
};

/** The kernel's architecture options (what `CONFIG_*` the target kernel's config sets for it). */
const KERNEL_ARCH: Record<Arch, string[]> = {
  x86_64: ['CONFIG_X86', 'CONFIG_X86_64'],
  aarch64: ['CONFIG_ARM64'],
  s390x: ['CONFIG_S390'],
  ppc64le: ['CONFIG_PPC', 'CONFIG_PPC64'],
  riscv64: ['CONFIG_RISCV'],
  loongarch64: ['CONFIG_LOONGARCH'],
};

/** Every architecture option any of them sets: the others' are known to be unset. */
const ALL_KERNEL_ARCH = new Set([
  ...Object.values(KERNEL_ARCH).flat(),
  'CONFIG_X86_32',
  'CONFIG_ARM',
  'CONFIG_MIPS',
  'CONFIG_PPC32',
  'CONFIG_64BIT',
  'CONFIG_32BIT',
]);

/** The modern probe's `-D__TARGET_ARCH_${ARCH}` (libbpf's names; driver/feature_gates.h tests them). */
const BPF_TARGET_ARCH: Record<Arch, string> = {
  x86_64: '__TARGET_ARCH_x86',
  aarch64: '__TARGET_ARCH_arm64',
  s390x: '__TARGET_ARCH_s390',
  ppc64le: '__TARGET_ARCH_powerpc',
  riscv64: '__TARGET_ARCH_riscv',
  loongarch64: '__TARGET_ARCH_loongarch64',
};

/**
 * What gcc and clang predefine for every LP64 Linux target, whoever compiles and for which
 * architecture (`gcc -dM -E - </dev/null`, the integer and object-format part): a condition on
 * one of these has the compiler's answer, not "undefined".
 */
const LP64: Record<string, string> = {
  __linux__: '1',
  __linux: '1',
  __gnu_linux__: '1',
  __unix__: '1',
  __unix: '1',
  __ELF__: '1',
  __STDC__: '1',
  __LP64__: '1',
  _LP64: '1',
  __CHAR_BIT__: '8',
  __SIZEOF_SHORT__: '2',
  __SIZEOF_INT__: '4',
  __SIZEOF_LONG__: '8',
  __SIZEOF_LONG_LONG__: '8',
  __SIZEOF_POINTER__: '8',
  __SIZEOF_SIZE_T__: '8',
  __SIZEOF_PTRDIFF_T__: '8',
  __SIZEOF_WCHAR_T__: '4',
  __SIZEOF_WINT_T__: '4',
  __SIZEOF_FLOAT__: '4',
  __SIZEOF_DOUBLE__: '8',
  __SIZEOF_INT128__: '16',
  __SCHAR_WIDTH__: '8',
  __SHRT_WIDTH__: '16',
  __INT_WIDTH__: '32',
  __LONG_WIDTH__: '64',
  __LONG_LONG_WIDTH__: '64',
  __PTRDIFF_WIDTH__: '64',
  __SIZE_WIDTH__: '64',
  __INTMAX_WIDTH__: '64',
  __INTPTR_WIDTH__: '64',
  __SCHAR_MAX__: '0x7f',
  __SHRT_MAX__: '0x7fff',
  __INT_MAX__: '0x7fffffff',
  __LONG_MAX__: '0x7fffffffffffffffL',
  __LONG_LONG_MAX__: '0x7fffffffffffffffLL',
  __INTMAX_MAX__: '0x7fffffffffffffffL',
  __UINTMAX_MAX__: '0xffffffffffffffffUL',
  __SIZE_MAX__: '0xffffffffffffffffUL',
  __PTRDIFF_MAX__: '0x7fffffffffffffffL',
  __INTPTR_MAX__: '0x7fffffffffffffffL',
  __UINTPTR_MAX__: '0xffffffffffffffffUL',
  __INT8_MAX__: '0x7f',
  __INT16_MAX__: '0x7fff',
  __INT32_MAX__: '0x7fffffff',
  __INT64_MAX__: '0x7fffffffffffffffL',
  __UINT8_MAX__: '0xff',
  __UINT16_MAX__: '0xffff',
  __UINT32_MAX__: '0xffffffffU',
  __UINT64_MAX__: '0xffffffffffffffffUL',
  __ORDER_LITTLE_ENDIAN__: '1234',
  __ORDER_BIG_ENDIAN__: '4321',
  __ORDER_PDP_ENDIAN__: '3412',
  __ATOMIC_RELAXED: '0',
  __ATOMIC_CONSUME: '1',
  __ATOMIC_ACQUIRE: '2',
  __ATOMIC_RELEASE: '3',
  __ATOMIC_ACQ_REL: '4',
  __ATOMIC_SEQ_CST: '5',
};

/**
 * Defined by every gcc and clang, with a value that depends on the compiler's version or the
 * command line (`-std`, `-ffreestanding`): `defined(X)` is true, `X >= N` is unknown.
 */
export const DEFINED_VALUE_UNKNOWN = new Set([
  '__GNUC__',
  '__GNUC_MINOR__',
  '__GNUC_PATCHLEVEL__',
  '__VERSION__',
  '__STDC_VERSION__',
  '__STDC_HOSTED__',
]);

/** Architectures whose `char` is unsigned (the ABI's choice; gcc defines __CHAR_UNSIGNED__). */
const UNSIGNED_CHAR = new Set<Arch>(['aarch64', 's390x', 'ppc64le', 'riscv64']);

function byteOrder(arch: Arch): Record<string, string> {
  const order = arch === 's390x' ? '4321' : '1234';
  return {
    __BYTE_ORDER__: order,
    __FLOAT_WORD_ORDER__: order,
    ...(UNSIGNED_CHAR.has(arch) ? { __CHAR_UNSIGNED__: '1' } : {}),
  };
}

/** What Kbuild defines for each object it compiles (the value names the object). */
const KBUILD: Record<string, string> = { KBUILD_MODNAME: '"scap"', KBUILD_BASENAME: '"main"' };

function kernelConfig(arch: Arch): Record<string, string> {
  const out: Record<string, string> = { __KERNEL__: '1', CONFIG_64BIT: '1' };
  for (const c of KERNEL_ARCH[arch]) out[c] = '1';
  return out;
}

function defines(view: View, arch: Arch): Record<string, string> {
  switch (view) {
    case 'kmod':
      // Kbuild defines KBUILD_MODNAME and KBUILD_BASENAME for every object it compiles.
      return { ...LP64, ...byteOrder(arch), ...COMPILER_ARCH[arch], MODULE: '1', ...KBUILD, ...kernelConfig(arch) };
    case 'legacy':
      // driver/bpf/Makefile runs clang for the host (-emit-llvm, then `llc -march=bpf`): the
      // host's architecture macros, with the kernel's flags; not Kbuild's per-object flags.
      return {
        ...LP64,
        ...byteOrder(arch),
        ...COMPILER_ARCH[arch],
        __clang__: '1',
        __BPF_TRACING__: '1',
        ...kernelConfig(arch),
      };
    case 'modern':
      // clang -target bpf (driver/modern_bpf/CMakeLists.txt): no host architecture macros.
      return {
        ...LP64,
        ...byteOrder(arch),
        __clang__: '1',
        __bpf__: '1',
        __BPF__: '1',
        __USE_VMLINUX__: '1',
        [BPF_TARGET_ARCH[arch]]: '1',
      };
    case 'userspace':
      return { ...LP64, ...byteOrder(arch), ...COMPILER_ARCH[arch] };
  }
}

/** Every configuration, view by view: the order of the bits in presence masks. */
export const CONFIGS: BuildConfig[] = VIEWS.flatMap((view) => ARCHES.map((arch) => ({ view, arch }))).map(
  ({ view, arch }, index) => ({
    index,
    view,
    arch,
    defines: defines(view, arch),
    kernel: view === 'kmod' || view === 'legacy',
  }),
);

/** A set of configurations as a bit mask (24 configurations fit in a JS bitwise integer). */
export type ConfigMask = number;

export const ALL_CONFIGS: ConfigMask = (1 << CONFIGS.length) - 1;

export function viewMask(...views: View[]): ConfigMask {
  let m = 0;
  for (const c of CONFIGS) if (views.includes(c.view)) m |= 1 << c.index;
  return m;
}

/** The configurations a mask names, as `kernel module (x86_64, aarch64), libscap/libpman (all)`. */
export function describeMask(mask: ConfigMask): string {
  const parts: string[] = [];
  for (const view of VIEWS) {
    const arches = CONFIGS.filter((c) => c.view === view && mask & (1 << c.index)).map((c) => c.arch);
    if (!arches.length) continue;
    parts.push(`${VIEW_LABEL[view]} (${arches.length === ARCHES.length ? 'all architectures' : arches.join(', ')})`);
  }
  return parts.join(', ') || 'no build';
}

/**
 * Which builds compile a file. The top-level driver headers are shared by every driver and by
 * libscap; the tables (`*_table.c`) are compiled by the kernel module and by libscap, which
 * builds its own copy of each; the rest of driver/*.c is the kernel module. The legacy probe's
 * types.h and the modern probe's shared definitions are also read by libscap and libpman.
 */
export function buildsOf(path: string): ConfigMask {
  if (path.startsWith('driver/modern_bpf/shared_definitions/')) return viewMask('modern', 'userspace');
  if (path.startsWith('driver/modern_bpf/')) return viewMask('modern');
  if (path === 'driver/bpf/types.h') return viewMask('legacy', 'userspace');
  if (path.startsWith('driver/bpf/')) return viewMask('legacy');
  if (/^driver\/[^/]+\.h$/.test(path)) return ALL_CONFIGS;
  if (/^driver\/[^/]*_table\.c$/.test(path)) return viewMask('kmod', 'userspace');
  if (/^driver\/[^/]+\.c$/.test(path)) return viewMask('kmod');
  if (path.startsWith('userspace/')) return viewMask('userspace');
  return ALL_CONFIGS;
}

/**
 * Directories searched for `#include <x>` and, after the including file's own directory, for
 * `#include "x"`: the include roots libs' builds pass with -I.
 */
export const INCLUDE_ROOTS = ['', 'driver/', 'userspace/', 'driver/modern_bpf/', 'driver/bpf/'];

/**
 * Macros that come from outside the tree (the target kernel's headers and config, libc, the
 * compiler): a condition on one of them is unknown unless the configuration sets it. Any other
 * name that no file of the tree defines is undefined, as the compiler sees it: `#ifdef NAME`
 * of a name the driver never defines is not compiled.
 */
export const EXTERNAL_MACROS: RegExp[] = [
  /^__NR_/, // syscall numbers of the target architecture
  /^CONFIG_/, // the target kernel's configuration (the architecture options are set per configuration)
  /^HAS_/, // driver/configure's probes of the target kernel
  /^(RHEL_RELEASE|UTS_|LINUX_VERSION_CODE$|KERNEL_VERSION$)/, // distribution and kernel versions
  /^__has_/, // compiler feature tests
  // What the command line or the compiler's version decides: optimisation, code model,
  // hardening, instruction-set extensions, clang's version.
  /^__(OPTIMIZE|OPTIMIZE_SIZE|NO_INLINE|PIC|pic|PIE|pie|SSP|SSP_STRONG|SSP_ALL|SSP_EXPLICIT|SANITIZE_[A-Z]+|FAST_MATH|BPF_CPU_VERSION)__$/,
  /^__(SSE|AVX|MMX|FXSR|XSAVE|AES|PCLMUL|POPCNT|BMI|F16C|FMA|ARM_NEON|ARM_FEATURE|ALTIVEC|VSX|VEC|riscv_vector|loongarch_s?x)\w*$/,
  /^__clang_(major|minor|patchlevel|version)__$/,
  /^__(GLIBC|GNU_LIBRARY|UCLIBC|GLIBC_PREREQ)/, // libc
  /^[a-z][a-z0-9_]*$/, // lower-case names: kernel helpers defined as macros (`defined(get_file_rcu)`)
  /^(IORING|O|SO|AT|S_IF|SEND_SIG|MAP|PROT|_PAGE|CLONE|F)_/, // kernel UAPI feature and flag macros
  /^(UINT\d+_MAX|INT\d+_MAX|RLIM_INFINITY|_STK_LIM_MAX|HZ|USER_HZ|NSEC_PER_SEC)$/, // libc and kernel limits
];

/** Other compilers, operating systems and architectures: never defined by a build of the drivers or of libscap on Linux. */
const OTHER_PLATFORMS = new Set([
  '_MSC_VER',
  '_WIN32',
  '_WIN64',
  '__CYGWIN__',
  '__MINGW32__',
  '__MINGW64__',
  '__sun',
  '__APPLE__',
  '__MACH__',
  '__FreeBSD__',
  '__NetBSD__',
  '__OpenBSD__',
  '__EMSCRIPTEN__',
  '__cplusplus',
  '__mips__',
  '__mips',
  '__i386__',
  '__arm__',
  '__ILP32__',
]);

/** Whether a name is defined outside the tree (see EXTERNAL_MACROS) and the configuration does not set it. */
export function isExternal(name: string, config: BuildConfig): boolean {
  if (Object.hasOwn(config.defines, name) || OTHER_PLATFORMS.has(name)) return false;
  // The architecture options of another architecture are known to be unset.
  if (ALL_KERNEL_ARCH.has(name)) return false;
  if (!config.kernel && name.startsWith('CONFIG_')) return false;
  return EXTERNAL_MACROS.some((re) => re.test(name));
}

/**
 * What the compiler predefines alike in every build (`__SIZEOF_LONG__`, `__INT_WIDTH__`...), as
 * macros: a value of the surface (an ioctl number, an array size) that uses one is computed
 * with it.
 */
export const COMMON_PREDEFINED: ReadonlyMap<string, { name: string; params: null; body: string }> = new Map(
  Object.entries(CONFIGS[0]!.defines)
    .filter(([name, body]) => CONFIGS.every((c) => c.defines[name] === body))
    .map(([name, body]) => [name, { name, params: null, body }]),
);
