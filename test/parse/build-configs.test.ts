import { describe, expect, it } from 'vitest';
import {
  ALL_CONFIGS,
  ARCHES,
  buildsOf,
  CONFIGS,
  DEFINED_VALUE_UNKNOWN,
  describeMask,
  isExternal,
  VIEWS,
  viewMask,
  type Arch,
  type View,
} from '../../src/parse/build-configs.js';

const config = (view: View, arch: Arch) => CONFIGS.find((c) => c.view === view && c.arch === arch)!;
const bit = (view: View, arch: Arch) => 1 << config(view, arch).index;

describe('CONFIGS: every view on every architecture', () => {
  it('one configuration per view and architecture, view by view, each index its position', () => {
    expect(CONFIGS).toHaveLength(VIEWS.length * ARCHES.length);
    expect(CONFIGS.map((c) => c.index)).toEqual(CONFIGS.map((_, i) => i));
    expect(CONFIGS.slice(0, ARCHES.length).map((c) => [c.view, c.arch])).toEqual(ARCHES.map((a) => ['kmod', a]));
    expect(ALL_CONFIGS).toBe(2 ** CONFIGS.length - 1);
  });

  it('only the kernel module and the legacy probe read LINUX_VERSION_CODE from a target kernel', () => {
    expect(VIEWS.filter((v) => config(v, 'x86_64').kernel)).toEqual(['kmod', 'legacy']);
  });

  it('the kernel module: __KERNEL__, MODULE, gcc with the host architecture and its kernel options', () => {
    const d = config('kmod', 'x86_64').defines;
    expect(d).toMatchObject({
      __KERNEL__: '1',
      MODULE: '1',
      __x86_64__: '1',
      CONFIG_X86_64: '1',
      CONFIG_64BIT: '1',
      __LP64__: '1',
    });
    expect(d).not.toHaveProperty('__clang__');
    expect(config('kmod', 'aarch64').defines).toMatchObject({ __aarch64__: '1', CONFIG_ARM64: '1' });
    expect(config('kmod', 'aarch64').defines).not.toHaveProperty('CONFIG_X86');
  });

  it('the legacy probe: clang for the host (then llc -march=bpf), kernel headers (__KERNEL__, __BPF_TRACING__, kernel options), no Kbuild per-object flags', () => {
    const d = config('legacy', 'x86_64').defines;
    expect(d).toMatchObject({
      __KERNEL__: '1',
      __BPF_TRACING__: '1',
      __clang__: '1',
      CONFIG_X86: '1',
      __x86_64__: '1',
    });
    expect(d).not.toHaveProperty('__bpf__');
    expect(d).not.toHaveProperty('KBUILD_MODNAME');
  });

  it('the kernel module: Kbuild names the object (KBUILD_MODNAME)', () => {
    expect(config('kmod', 'aarch64').defines).toMatchObject({
      __KERNEL__: '1',
      MODULE: '1',
      __aarch64__: '1',
      KBUILD_MODNAME: '"scap"',
    });
  });

  it('every build has what gcc and clang predefine on LP64 Linux, char signedness per architecture', () => {
    for (const c of CONFIGS)
      expect(c.defines, `${c.view} ${c.arch}`).toMatchObject({
        __ELF__: '1',
        __gnu_linux__: '1',
        __SIZEOF_LONG_LONG__: '8',
        __INT_WIDTH__: '32',
      });
    expect(config('userspace', 'aarch64').defines).toHaveProperty('__CHAR_UNSIGNED__');
    expect(config('userspace', 'x86_64').defines).not.toHaveProperty('__CHAR_UNSIGNED__');
  });

  it('a compiler version or -std value is defined but unknown; command-line features are unknown whether defined', () => {
    expect(DEFINED_VALUE_UNKNOWN.has('__GNUC__')).toBe(true);
    for (const c of CONFIGS) expect(c.defines).not.toHaveProperty('__GNUC__');
    for (const name of ['__OPTIMIZE__', '__SSE2__', '__PIC__', '__clang_major__'])
      expect(isExternal(name, config('userspace', 'x86_64')), name).toBe(true);
  });

  it('the modern probe: -D__TARGET_ARCH_<libbpf arch> and __USE_VMLINUX__, no __KERNEL__', () => {
    expect(config('modern', 'x86_64').defines).toMatchObject({
      __TARGET_ARCH_x86: '1',
      __USE_VMLINUX__: '1',
      __bpf__: '1',
    });
    expect(config('modern', 'aarch64').defines).toHaveProperty('__TARGET_ARCH_arm64');
    expect(config('modern', 'aarch64').defines).not.toHaveProperty('__TARGET_ARCH_x86');
    expect(config('modern', 'x86_64').defines).not.toHaveProperty('__KERNEL__');
  });

  it('userspace: the host compiler on Linux, no kernel', () => {
    const d = config('userspace', 'ppc64le').defines;
    expect(d).toMatchObject({ __linux__: '1', __powerpc64__: '1', __LITTLE_ENDIAN__: '1' });
    expect(Object.keys(d).filter((k) => k === '__KERNEL__' || k.startsWith('CONFIG_'))).toEqual([]);
  });

  it('s390x is big-endian, every other architecture little-endian', () => {
    for (const c of CONFIGS)
      expect(c.defines.__BYTE_ORDER__, `${c.view} ${c.arch}`).toBe(
        c.arch === 's390x' ? c.defines.__ORDER_BIG_ENDIAN__ : c.defines.__ORDER_LITTLE_ENDIAN__,
      );
  });
});

describe('buildsOf: which builds compile a file', () => {
  it.each<[string, View[]]>([
    ['driver/ppm_events_public.h', ['kmod', 'legacy', 'modern', 'userspace']],
    ['driver/event_table.c', ['kmod', 'userspace']],
    ['driver/main.c', ['kmod']],
    ['driver/bpf/types.h', ['legacy', 'userspace']],
    ['driver/bpf/fillers.h', ['legacy']],
    ['driver/modern_bpf/shared_definitions/struct_definitions.h', ['modern', 'userspace']],
    ['driver/modern_bpf/programs/attached/events/sys_enter.bpf.c', ['modern']],
    ['userspace/libscap/scap.h', ['userspace']],
  ])('%s: %j', (path, views) => {
    expect(buildsOf(path)).toBe(viewMask(...views));
  });

  it('a nested directory of driver/ that no rule names is not one of the top-level files', () => {
    expect(buildsOf('driver/sub/x.c')).toBe(ALL_CONFIGS);
    expect(buildsOf('driver/sub/x.h')).toBe(ALL_CONFIGS);
  });
});

describe('describeMask', () => {
  it('names views with their architectures, "all architectures" for a whole view, in view order', () => {
    expect(describeMask(viewMask('userspace') | bit('kmod', 'x86_64') | bit('kmod', 's390x'))).toBe(
      'kernel module (x86_64, s390x), libscap/libpman (all architectures)',
    );
  });

  it('an empty mask is no build', () => {
    expect(describeMask(0)).toBe('no build');
  });
});

describe('isExternal: a name defined outside the tree, unknown unless the configuration sets it', () => {
  const kmod = config('kmod', 'x86_64');
  const user = config('userspace', 'x86_64');

  it.each([
    'CONFIG_COMPAT',
    'HAS_RING_BUFFER',
    '__NR_openat2',
    'RHEL_RELEASE_CODE',
    'UTS_UBUNTU_RELEASE_ABI',
    '__has_include',
    '__GLIBC__',
    'get_file_rcu',
    'O_TMPFILE',
    'CLONE_NEWTIME',
    'UINT32_MAX',
  ])('%s is external in the kernel module', (name) => {
    expect(isExternal(name, kmod)).toBe(true);
  });

  it.each(['PPM_O_CREAT', 'DRIVER_SEMVER_NEVER_DEFINED', '_WIN32', '__APPLE__', '__cplusplus'])(
    '%s is not: the tree or no Linux build defines it',
    (name) => {
      expect(isExternal(name, kmod)).toBe(false);
    },
  );

  it("the architecture options are known: its own set, another architecture's unset", () => {
    expect(isExternal('CONFIG_X86_64', kmod)).toBe(false);
    expect(isExternal('CONFIG_ARM64', kmod)).toBe(false);
    expect(isExternal('CONFIG_X86_32', kmod)).toBe(false);
  });

  it('no CONFIG_ option is set outside a kernel build', () => {
    expect(isExternal('CONFIG_COMPAT', user)).toBe(false);
    expect(isExternal('CONFIG_COMPAT', config('modern', 'x86_64'))).toBe(false);
  });
});
