import { describe, expect, it } from 'vitest';
import { ALL_CONFIGS, CONFIGS, viewMask } from '../../src/parse/build-configs.js';
import { kernelVersion } from '../../src/parse/conditions.js';
import { initParser } from '../../src/parse/parser.js';
import { buildModel, describeConflict, includeTarget, type Candidate } from '../../src/surface/builds.js';
import { extractFacts, type FileFacts } from '../../src/surface/facts.js';
import type { Warning } from '../../src/surface/model.js';

/** The build model of a tree of files, each read as the surface reads a parsed file. */
async function modelOf(files: Record<string, string>, minKernel: { kmod?: bigint; legacy?: bigint } = {}) {
  await initParser();
  const facts = new Map<string, FileFacts>();
  for (const [path, src] of Object.entries(files)) {
    const f = await extractFacts(path, src, 'tree');
    if (typeof f === 'string') throw new Error(f);
    facts.set(path, f);
  }
  const warnings: Warning[] = [];
  return { model: buildModel(facts, 'rev', warnings, minKernel), warnings, facts };
}

const H = 'driver/ppm_x.h';
const KERNEL = viewMask('kmod', 'legacy');
const NOT_KERNEL = viewMask('modern', 'userspace');
const kmodX86 = CONFIGS.find((c) => c.view === 'kmod' && c.arch === 'x86_64')!.index;

describe('buildModel: which builds compile a line', () => {
  const src = [
    'int everywhere;',
    '#ifdef __KERNEL__',
    'int kernel;',
    '#else',
    'int user;',
    '#endif',
    '#if 0',
    'int never;',
    '#endif',
    '#ifdef CONFIG_COMPAT',
    'int compat;',
    '#endif',
  ].join('\n');

  it('presence per configuration: always, and maybe where a condition is unknown', async () => {
    const { model } = await modelOf({ [H]: src });
    expect(model.presence(H, 1)).toEqual({ always: ALL_CONFIGS, maybe: ALL_CONFIGS });
    expect(model.presence(H, 3)).toEqual({ always: KERNEL, maybe: KERNEL });
    expect(model.presence(H, 5)).toEqual({ always: NOT_KERNEL, maybe: NOT_KERNEL });
    expect(model.presence(H, 8)).toEqual({ always: 0, maybe: 0 });
    expect(model.presence(H, 11)).toEqual({ always: 0, maybe: KERNEL });
  });

  it('only the builds that compile the file count', async () => {
    const { model } = await modelOf({ 'driver/event_table.c': src });
    expect(model.presence('driver/event_table.c', 1)).toEqual({
      always: viewMask('kmod', 'userspace'),
      maybe: viewMask('kmod', 'userspace'),
    });
    expect(model.presence('driver/event_table.c', 3).always).toBe(viewMask('kmod'));
  });

  it('a file the model does not know is compiled wherever it is built', async () => {
    const { model } = await modelOf({ [H]: src });
    expect(model.presence('driver/main.c', 3)).toEqual({ always: viewMask('kmod'), maybe: viewMask('kmod') });
  });

  it('live: some build may compile the line', async () => {
    const { model } = await modelOf({ [H]: src });
    expect([1, 3, 5, 8, 11].map((l) => model.live(H, l))).toEqual([true, true, true, false, true]);
  });

  it('guards: the conditions around a line that the builds do not all decide alike (include guards and decided ones left out)', async () => {
    const { model } = await modelOf({
      [H]: [
        '#ifndef PPM_X_H',
        '#define PPM_X_H',
        '#if 1',
        '#ifdef CONFIG_COMPAT',
        'int a;',
        '#endif',
        '#endif',
        '#endif',
      ].join('\n'),
    });
    expect(model.guards(H, 5)).toEqual(['defined(CONFIG_COMPAT)']);
    expect(model.guards(H, 3)).toEqual([]);
  });

  it('the kernel range of each kernel build: a branch for older kernels is dead there only', async () => {
    const { model } = await modelOf(
      { [H]: ['#if LINUX_VERSION_CODE < KERNEL_VERSION(3, 0, 0)', 'int old;', '#endif'].join('\n') },
      { kmod: kernelVersion(3, 10, 0) },
    );
    // The legacy probe states no minimum here, the other builds have no kernel version at all.
    expect(model.presence(H, 2)).toEqual({ always: 0, maybe: ALL_CONFIGS & ~viewMask('kmod') });
  });
});

describe('buildModel: include trees', () => {
  it('treeOf: the file and the files it includes, transitively; never the files that include it', async () => {
    const { model } = await modelOf({
      'driver/a.h': '#include "b.h"\n',
      'driver/b.h': '#include "c.h"\n#include <linux/types.h>\n',
      'driver/c.h': '#include "a.h"\n',
      'driver/d.c': '#include "c.h"\n',
    });
    expect([...model.treeOf('driver/d.c')].sort()).toEqual(['driver/a.h', 'driver/b.h', 'driver/c.h', 'driver/d.c']);
    expect([...model.treeOf('driver/b.h')].sort()).toEqual(['driver/a.h', 'driver/b.h', 'driver/c.h']);
    expect([...model.treeOf('driver/other.h')]).toEqual(['driver/other.h']);
  });
});

describe('buildModel: #pragma pack', () => {
  const src = [
    '#pragma pack(push, 1)',
    'struct a { char c; int i; };',
    '#pragma pack(pop)',
    'struct b { char c; int i; };',
    '#ifdef CONFIG_COMPAT',
    '#pragma pack(4)',
    '#endif',
    'struct c { int i; };',
  ].join('\n');

  it('the cap in force at a line for a configuration, null once a build may or may not have it', async () => {
    const { model } = await modelOf({ [H]: src });
    expect([2, 4, 8].map((l) => model.packAt(H, l, kmodX86))).toEqual([1, 0, null]);
    // userspace never sets CONFIG_*: the pragma is dead there and the cap certain.
    const user = CONFIGS.find((c) => c.view === 'userspace')!.index;
    expect(model.packAt(H, 8, user)).toBe(0);
  });

  it("a header's pragmas count in the file that includes it; a header included under a cap has its structs' cap unknown", async () => {
    const { model } = await modelOf({
      'driver/ppm_a.h': [
        '#include "ppm_pack1.h"',
        'struct a { char c; int i; };',
        '#pragma pack(pop)',
        '#pragma pack(push, 2)',
        '#include "ppm_b.h"',
        '#pragma pack(pop)',
      ].join('\n'),
      'driver/ppm_pack1.h': '#pragma pack(push, 1)\n',
      'driver/ppm_b.h': 'struct b { char c; int i; };\n',
    });
    expect([2, 4].map((l) => model.packAt('driver/ppm_a.h', l, kmodX86))).toEqual([1, 2]);
    expect(model.packAt('driver/ppm_b.h', 1, kmodX86)).toBeNull();
  });
});

describe('buildModel: macros', () => {
  it('macroPresence: the builds that have a #define in force at the end of the file; a replaced one has none', async () => {
    const { model } = await modelOf({
      [H]: [
        '#ifdef __KERNEL__',
        '#define K 1',
        '#endif',
        '#define R 1',
        '#undef R',
        '#define R 2',
        '#ifdef CONFIG_COMPAT',
        '#define M 1',
        '#endif',
      ].join('\n'),
    });
    expect(model.macroPresence(H, 0)).toEqual({ always: KERNEL, maybe: KERNEL });
    expect(model.macroPresence(H, 1)).toEqual({ always: 0, maybe: 0 });
    expect(model.macroPresence(H, 2)).toEqual({ always: ALL_CONFIGS, maybe: ALL_CONFIGS });
    expect(model.macroPresence(H, 3)).toEqual({ always: 0, maybe: KERNEL });
  });

  it('a dead definition is no candidate: the live one is the value, with no ambiguity', async () => {
    const { model } = await modelOf({ [H]: ['#if 0', '#define X 2', '#endif', '#define X 1'].join('\n') });
    expect(model.macros.get('X')).toEqual({ name: 'X', params: null, body: '1' });
    expect(model.ambiguous.has('X')).toBe(false);
  });

  it('two live definitions that differ are ambiguous; two that agree are not', async () => {
    const { model } = await modelOf({
      [H]: ['#ifdef __KERNEL__', '#define X 1', '#define Y 3', '#else', '#define X 2', '#define Y 3', '#endif'].join(
        '\n',
      ),
    });
    expect(model.ambiguous.get('X')!.map((c) => [c.line, c.value.body])).toEqual([
      [2, '1'],
      [5, '2'],
    ]);
    expect(model.ambiguous.has('Y')).toBe(false);
  });

  it('a #define replaced after a definition of the same file may have used it is ambiguous; before any use it is not', async () => {
    const used = await modelOf({ [H]: ['#define A 1', 'enum e { E = A };', '#undef A', '#define A 2'].join('\n') });
    expect(used.model.ambiguous.get('A')!.map((c) => c.line)).toEqual([1, 4]);
    const unused = await modelOf({ [H]: ['#define A 1', '#undef A', '#define A 2', 'enum e { E = A };'].join('\n') });
    expect(unused.model.ambiguous.has('A')).toBe(false);
    expect(unused.model.macros.get('A')!.body).toBe('2');
  });

  it('a #define repeated without #undef is ambiguous even before any use, unless it repeats the same definition', async () => {
    const { model } = await modelOf({
      [H]: ['#define A 1', '#define A 2', '#define B (1 << 2)', '#define B (1 << 2)', 'enum e { E = A };'].join('\n'),
    });
    expect(model.ambiguous.has('A')).toBe(true);
    expect(model.ambiguous.has('B')).toBe(false);
  });

  it('a file sees its own macros and those of the files it includes, transitively; not those of an unrelated file', async () => {
    const { model } = await modelOf({
      'driver/ppm_a.h': '#include "ppm_b.h"\n#define OWN 1',
      'driver/ppm_b.h': '#include "ppm_c.h"\n#define FROM_B 2',
      'driver/ppm_c.h': '#define FROM_C 3',
      'driver/ppm_other.h': '#define UNRELATED 4',
    });
    expect([...model.scope('driver/ppm_a.h').macros.keys()].sort()).toEqual(['FROM_B', 'FROM_C', 'OWN']);
    expect([...model.scope('driver/ppm_c.h').macros.keys()]).toEqual(['FROM_C']);
    expect(model.macros.has('UNRELATED')).toBe(true);
    expect(model.treeOf('driver/ppm_a.h')).toEqual(['driver/ppm_a.h', 'driver/ppm_b.h', 'driver/ppm_c.h']);
  });

  it('a header also sees what its includers defined before including it, and only that', async () => {
    const { model } = await modelOf({
      'driver/ppm_a.h': '#define BEFORE 1\n#include "ppm_b.h"\n#define AFTER 2',
      'driver/ppm_b.h': '#define OWN 3\n#define BEFORE 4',
      'driver/ppm_z.h': '#define UNRELATED 5',
    });
    const b = model.scope('driver/ppm_b.h').macros;
    expect([...b.keys()].sort()).toEqual(['BEFORE', 'OWN']);
    // Its own definition wins over the includer's.
    expect(b.get('BEFORE')!.body).toBe('4');
  });

  it('an #include no build compiles brings nothing in', async () => {
    const { model } = await modelOf({
      'driver/ppm_a.h': '#if 0\n#include "ppm_b.h"\n#endif\n#define OWN 1',
      'driver/ppm_b.h': '#define FROM_B 2',
    });
    expect(model.treeOf('driver/ppm_a.h')).toEqual(['driver/ppm_a.h']);
    expect(model.scope('driver/ppm_b.h').macros.has('OWN')).toBe(false);
  });

  it('an ambiguity in a file that is not included does not reach the scope of another', async () => {
    const { model } = await modelOf({
      'driver/ppm_a.h': '#define X 1',
      'driver/ppm_b.h': '#ifdef __KERNEL__\n#define X 2\n#else\n#define X 3\n#endif',
    });
    expect(model.ambiguous.has('X')).toBe(true);
    expect(model.scope('driver/ppm_a.h').ambiguous.has('X')).toBe(false);
    expect(model.scope('driver/ppm_a.h').macros.get('X')!.body).toBe('1');
  });
});

describe('buildModel: pick() and conflicts', () => {
  const file = { path: H } as FileFacts;
  const at = (line: number, value: string, always: number, maybe = always): Candidate<string> => ({
    value,
    file,
    line,
    presence: { always, maybe },
  });

  it('drops dead candidates; the only live one is chosen with no conflict', async () => {
    const { model } = await modelOf({ [H]: '' });
    expect(model.pick('macro X', [at(1, 'a', 0), at(2, 'b', ALL_CONFIGS)], (v) => v)?.value).toBe('b');
    expect(model.pick('macro X', [at(1, 'a', 0)], (v) => v)).toBeNull();
    expect(model.conflicts).toEqual([]);
  });

  it('live candidates that agree: the last, no conflict', async () => {
    const { model } = await modelOf({ [H]: '' });
    expect(model.pick('macro X', [at(1, 'a', KERNEL), at(2, 'a', NOT_KERNEL)], (v) => v)?.line).toBe(2);
    expect(model.conflicts).toEqual([]);
  });

  it('live candidates that disagree: the last, and a conflict naming every place', async () => {
    const { model } = await modelOf({ [H]: '' });
    expect(model.pick('macro X', [at(1, 'a', KERNEL), at(2, 'b', NOT_KERNEL)], (v) => v)?.value).toBe('b');
    expect(model.conflicts).toEqual([
      {
        what: 'macro X',
        kind: 'by-build',
        alternatives: [
          {
            loc: { path: H, line: 1 },
            builds: 'kernel module (all architectures), legacy eBPF probe (all architectures)',
          },
          {
            loc: { path: H, line: 2 },
            builds: 'modern eBPF probe (all architectures), libscap/libpman (all architectures)',
          },
        ],
      },
    ]);
  });

  it('describeConflict: together when one build compiles two of them, undecided when a condition is unknown, else by build', () => {
    expect(describeConflict('x', [at(1, 'a', ALL_CONFIGS), at(2, 'b', KERNEL)]).kind).toBe('together');
    expect(describeConflict('x', [at(1, 'a', 0, KERNEL), at(2, 'b', NOT_KERNEL)]).kind).toBe('undecided');
    expect(describeConflict('x', [at(1, 'a', KERNEL), at(2, 'b', NOT_KERNEL)]).kind).toBe('by-build');
  });
});

describe('buildModel: warnings that make the analysis incomplete', () => {
  it('a file whose #if/#endif do not balance', async () => {
    const { warnings } = await modelOf({ [H]: '#if 1\nint a;\n' });
    expect(warnings).toEqual([
      {
        path: H,
        message: `${H} at rev: its #if/#endif do not balance, so which lines a build compiles is not known`,
        incomplete: true,
      },
    ]);
  });

  it('a live #include of a header named by a macro; none when no build compiles it', async () => {
    const { warnings } = await modelOf({ [H]: ['#include RB_H', '#if 0', '#include RB_H', '#endif'].join('\n') });
    expect(warnings).toEqual([
      {
        path: H,
        message: `${H}:1 at rev: an #include names its header with a macro, which driver-semver does not follow, so what that header defines is not known`,
        incomplete: true,
      },
    ]);
  });

  it('an include chain past the limits, once per file however many builds walk it', async () => {
    const { warnings } = await modelOf({ [H]: '#include "ppm_x.h"' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      path: H,
      incomplete: true,
      message: expect.stringMatching(/^driver\/ppm_x\.h at rev: driver\/ppm_x\.h:1: includes nested deeper than/),
    });
  });
});

describe('includeTarget: where an #include finds its file', () => {
  const tree = new Set([
    'driver/ppm_events.h',
    'driver/bpf/types.h',
    'driver/bpf/ppm_events.h',
    'userspace/libscap/scap.h',
    'driver/modern_bpf/helpers/base/maps_getters.h',
  ]);
  const exists = (p: string) => tree.has(p);

  it('a quoted name: the including file’s directory first, then the include roots', () => {
    expect(includeTarget('driver/bpf/fillers.h', { path: 'ppm_events.h', angled: false }, exists)).toBe(
      'driver/bpf/ppm_events.h',
    );
    expect(includeTarget('driver/main.c', { path: 'ppm_events.h', angled: false }, exists)).toBe('driver/ppm_events.h');
    expect(includeTarget('driver/main.c', { path: 'libscap/scap.h', angled: false }, exists)).toBe(
      'userspace/libscap/scap.h',
    );
  });

  it('an angled name: the include roots only', () => {
    expect(includeTarget('driver/bpf/fillers.h', { path: 'ppm_events.h', angled: true }, exists)).toBe(
      'driver/ppm_events.h',
    );
    expect(includeTarget('driver/x.c', { path: 'helpers/base/maps_getters.h', angled: true }, exists)).toBe(
      'driver/modern_bpf/helpers/base/maps_getters.h',
    );
  });

  it('.. and . are resolved, from every include root; a path that climbs out of the tree, or is not in it, is outside', () => {
    // From the root driver/modern_bpf/, as gcc -I driver/modern_bpf resolves it.
    expect(includeTarget('driver/main.c', { path: '../../driver/ppm_events.h', angled: false }, exists)).toBe(
      'driver/ppm_events.h',
    );
    expect(includeTarget('driver/bpf/fillers.h', { path: '../ppm_events.h', angled: false }, exists)).toBe(
      'driver/ppm_events.h',
    );
    expect(includeTarget('driver/bpf/fillers.h', { path: './types.h', angled: false }, exists)).toBe(
      'driver/bpf/types.h',
    );
    expect(includeTarget('driver/main.c', { path: '../../../driver/ppm_events.h', angled: false }, exists)).toBeNull();
    expect(includeTarget('driver/main.c', { path: 'linux/sched.h', angled: true }, exists)).toBeNull();
  });
});
