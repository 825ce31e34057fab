import { describe, expect, it } from 'vitest';
import { fillerCodeChanged } from '../../src/rules/schema/filler-code-changed.js';
import { fillerCodeKernelCompat } from '../../src/rules/schema/filler-code-kernel-compat.js';
import type { Hit } from '../../src/rules/types.js';
import { extractCodeBodies } from '../../src/surface/extract/code-bodies.js';
import { emptySurface, type Surface } from '../../src/surface/model.js';
import { describeKernel, kernelVersion } from '../../src/parse/conditions.js';

/** A surface whose only content is the code of the given files (path → C source). */
function surfaceWith(files: Record<string, string>, rev: string, warnings: Surface['warnings'] = []): Surface {
  const s = emptySurface(rev);
  for (const [path, src] of Object.entries(files)) s.code[path] = extractCodeBodies(path, src);
  s.warnings.push(...warnings);
  return s;
}

function check(base: Record<string, string>, head: Record<string, string>, headWarnings: Surface['warnings'] = []) {
  const b = surfaceWith(base, 'base');
  const h = surfaceWith(head, 'head', headWarnings);
  // The symbol is the function (or the file, for a whole file): asserted once below, left out of the message tables.
  const bare = (hits: Hit[]) => hits.map(({ symbol: _symbol, ...rest }) => rest);
  return {
    changed: bare(fillerCodeChanged.check(b, h)),
    compat: bare(fillerCodeKernelCompat.check(b, h)),
    symbols: [...fillerCodeChanged.check(b, h), ...fillerCodeKernelCompat.check(b, h)].map((x) => x.symbol),
  };
}

const FILLERS = 'driver/ppm_fillers.c';
const CLOSE = 'driver/modern_bpf/programs/tail_called/events/syscall_dispatched_events/close.bpf.c';
const OPEN = 'driver/modern_bpf/programs/tail_called/events/syscall_dispatched_events/open.bpf.c';

const KMOD = `
#include "ppm.h"

static int example_helper(struct event_filler_arguments *args, long val) {
	return val_to_ring(args, val, 0, false, 0);
}

int f_sys_example_x(struct event_filler_arguments *args) {
	long retval = syscall_get_return_value(current, args->regs);
	struct file *f = NULL;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	f = lookup_new(retval);
#else
	f = lookup_old(retval);
#endif
	return example_helper(args, retval);
}
`;

const PROG = (name: string, extra = '') => `
SEC("tp_btf/sys_exit")
int BPF_PROG(${name}_x, struct pt_regs *regs, long ret) {
	struct ringbuf_struct ringbuf;
	if(!ringbuf__reserve_space(&ringbuf, EXAMPLE_SIZE, PPME_EXAMPLE_X)) {
		return 0;
	}
	ringbuf__store_s64(&ringbuf, ret);${extra}
	ringbuf__submit_event(&ringbuf);
	return 0;
}
`;

describe('code without roles', () => {
  const STATS = 'driver/modern_bpf/helpers/base/stats.h';
  const stats = (counter: string) => `
static __always_inline void compute_event_types_stats(uint16_t event_type, struct counter_map *counter) {
	switch(event_type) {
	case PPME_EXAMPLE_E:
		counter->${counter}++;
		break;
	}
}
`;

  it('is filler code (fail safe): a surface built without roles misses no filler change', () => {
    // Roles come from buildSurface (code-roles.ts); statistics and plumbing are tested in cases/code.ts.
    const r = check({ [STATS]: stats('n_drops_buffer_open_enter') }, { [STATS]: stats('n_drops_buffer_open_exit') });
    expect(r.changed.map((h) => h.message)).toEqual([expect.stringContaining('the code of compute_event_types_stats')]);
  });
});

describe('filler-code-changed and filler-code-kernel-compat', () => {
  it('are schema rules: patch for code, a note for kernel conditionals', () => {
    expect(fillerCodeChanged).toMatchObject({ id: 'filler-code-changed', governs: 'schema', bump: 'patch' });
    expect(fillerCodeChanged.rationale).toContain('bug fixes in filler code');
    expect(fillerCodeKernelCompat).toMatchObject({
      id: 'filler-code-kernel-compat',
      governs: 'schema',
      bump: 'none',
      kind: 'note',
    });
    expect(fillerCodeKernelCompat.rationale).toContain('solely address build issues on specific kernels');
  });

  it('reports nothing for identical code, or for comments and formatting', () => {
    const reformatted = KMOD.replace(
      'return val_to_ring(args, val, 0, false, 0);',
      '/* push */\n\treturn val_to_ring( args,\n\t\tval, 0, false, 0 );',
    );
    expect(check({ [FILLERS]: KMOD }, { [FILLERS]: KMOD })).toMatchObject({ changed: [], compat: [], symbols: [] });
    expect(check({ [FILLERS]: KMOD }, { [FILLERS]: reformatted })).toMatchObject({
      changed: [],
      compat: [],
      symbols: [],
    });
  });

  it('reports a changed body (function, file, probe; head location)', () => {
    const head = KMOD.replace(
      '\nstatic int example_helper',
      '\n/* a new comment line */\n\nstatic int example_helper',
    ).replace('0, false, 0', '0, true, 0');
    const { changed, compat, symbols } = check({ [FILLERS]: KMOD }, { [FILLERS]: head });
    expect(compat).toEqual([]);
    expect(changed).toEqual([
      {
        message: 'the code of example_helper (driver/ppm_fillers.c, kernel module) changed',
        location: { path: FILLERS, line: 6 },
      },
    ]);
    expect(symbols).toEqual(['example_helper']);
  });

  it('reports a change inside kernel-version conditionals as a note only', () => {
    const head = KMOD.replace(
      '#else\n\tf = lookup_old',
      '#elif LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)\n\tf = lookup_mid(retval);\n#else\n\tf = lookup_old',
    );
    const { changed, compat } = check({ [FILLERS]: KMOD }, { [FILLERS]: head });
    expect(changed).toEqual([]);
    expect(compat).toHaveLength(1);
    expect(compat[0]!.message).toMatch(
      /^f_sys_example_x \(driver\/ppm_fillers\.c, kernel module\) changed only inside kernel-version conditionals/,
    );
    expect(compat[0]!.message).toContain('README.VERSION.md');
    expect(compat[0]!.location).toEqual({ path: FILLERS, line: 8 });
  });

  it('reports a CO-RE feature-check change in the modern probe as a note only', () => {
    const base = PROG('close', '\n\tif(bpf_core_field_exists(regs->ax)) {\n\t\tringbuf__store_u32(&ringbuf, 1);\n\t}');
    const head = PROG('close', '\n\tif(bpf_core_field_exists(regs->ax)) {\n\t\tringbuf__store_u32(&ringbuf, 2);\n\t}');
    const { changed, compat } = check({ [CLOSE]: base }, { [CLOSE]: head });
    expect(changed).toEqual([]);
    expect(compat.map((h) => h.message)).toEqual([
      expect.stringContaining(`close_x (${CLOSE}, modern eBPF probe) changed only inside kernel-version conditionals`),
    ]);
    // Kernels without the field now send something too: every build changed.
    const both = PROG(
      'close',
      '\n\tif(bpf_core_field_exists(regs->ax)) {\n\t\tringbuf__store_u32(&ringbuf, 2);\n\t} else {\n\t\tringbuf__store_u32(&ringbuf, 3);\n\t}',
    );
    expect(check({ [CLOSE]: base }, { [CLOSE]: both }).changed.map((h) => h.message)).toEqual([
      `the code of close_x (${CLOSE}, modern eBPF probe) changed`,
    ]);
  });

  it('reports existing code wrapped into a new kernel conditional as a note only', () => {
    const wrap = KMOD.replace(
      '\treturn val_to_ring(args, val, 0, false, 0);',
      '#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 10, 0)\n\treturn val_to_ring(args, val, 0, false, 0);\n#else\n\treturn val_to_ring(args, val, 0, true, 0);\n#endif',
    );
    const { changed, compat } = check({ [FILLERS]: KMOD }, { [FILLERS]: wrap });
    expect(changed).toEqual([]);
    expect(compat.map((h) => h.message)).toEqual([
      expect.stringMatching(/^example_helper .* changed only inside kernel-version conditionals/),
    ]);
    // Wrapping plus a logic change outside the conditional is a logic change.
    const both = wrap.replace('long retval = syscall_get_return_value', 'long retval = -syscall_get_return_value');
    expect(check({ [FILLERS]: KMOD }, { [FILLERS]: both }).changed.map((h) => h.message)).toEqual([
      expect.stringContaining('f_sys_example_x'),
    ]);
    // The reverse (support for old kernels dropped): also a note.
    expect(check({ [FILLERS]: wrap }, { [FILLERS]: KMOD }).changed).toEqual([]);
  });

  it('handles a new kernel branch in an existing group together with a wrap elsewhere', () => {
    const head = KMOD.replace(
      '#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)',
      '#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)\n\tf = lookup_newer(retval);\n#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)',
    ).replace(
      '\treturn example_helper(args, retval);',
      '#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 12, 0)\n\treturn example_helper(args, retval);\n#else\n\treturn example_helper(args, (long)f);\n#endif',
    );
    const { changed, compat } = check({ [FILLERS]: KMOD }, { [FILLERS]: head });
    expect(changed).toEqual([]);
    expect(compat).toHaveLength(1);
  });

  it('reports kernel-specific helpers added or removed as notes', () => {
    const helper =
      '#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 0, 0)\nstatic long lookup_old(long fd) {\n\treturn fd;\n}\n#endif\n';
    const withHelper = KMOD.replace('\nint f_sys_example_x', `\n${helper}\nint f_sys_example_x`);
    const added = check({ [FILLERS]: KMOD }, { [FILLERS]: withHelper });
    expect(added.changed).toEqual([]);
    expect(added.compat).toEqual([
      {
        message: expect.stringMatching(
          /^new kernel-specific function lookup_old in driver\/ppm_fillers\.c \(kernel module\), defined only under kernel-version conditionals; libs' README/,
        ),
        location: { path: FILLERS, line: 9 },
      },
    ]);
    const removed = check({ [FILLERS]: withHelper }, { [FILLERS]: KMOD });
    expect(removed.changed).toEqual([]);
    expect(removed.compat.map((h) => h.message)).toEqual([
      expect.stringMatching(/^kernel-specific function lookup_old was removed from driver\/ppm_fillers\.c/),
    ]);
  });

  it('reports a change only the oldest kernels build as a kernel build matter, one every kernel builds as logic', () => {
    const older = KMOD.replace('lookup_old(retval)', 'lookup_older(retval)');
    expect(check({ [FILLERS]: KMOD }, { [FILLERS]: older })).toMatchObject({
      changed: [],
      compat: [{ message: expect.stringContaining('f_sys_example_x') }],
    });
    const both = older.replace('lookup_new(retval)', 'lookup_newer(retval)');
    expect(check({ [FILLERS]: KMOD }, { [FILLERS]: both })).toMatchObject({
      changed: [{ message: expect.stringContaining('f_sys_example_x') }],
      compat: [],
    });
  });

  it("when the minimum kernel moved, judges by the newest kernel's build (code for the dropped kernels removed)", () => {
    const old = KMOD.replace(
      '#else\n\tf = lookup_old(retval);\n#endif',
      '#elif LINUX_VERSION_CODE >= KERNEL_VERSION(2, 6, 32)\n\tf = lookup_old(retval);\n#else\n\tf = lookup_ancient(retval);\n#endif',
    );
    const [min, raised] = [kernelVersion(2, 6, 0), kernelVersion(3, 10, 0)];
    const at = (src: string, kernel: bigint, label: string) => {
      const s = emptySurface(label);
      s.code[FILLERS] = extractCodeBodies(FILLERS, src, kernel);
      s.kernels = { kmod: describeKernel(kernel) };
      return s;
    };
    // The oldest kernel (2.6.0) built lookup_ancient; the raised minimum's oldest (3.10) builds lookup_old, as the head does.
    const [b, h] = [at(old, min, 'base'), at(KMOD, raised, 'head')];
    expect(fillerCodeChanged.check(b, h)).toEqual([]);
    expect(fillerCodeKernelCompat.check(b, h).map((x) => x.symbol)).toEqual(['f_sys_example_x']);
    // With the move, an edit of what the newest kernel builds is a change.
    expect(
      fillerCodeChanged
        .check(b, at(KMOD.replace('lookup_new(retval)', 'lookup_newer(retval)'), raised, 'head'))
        .map((x) => x.symbol),
    ).toEqual(['f_sys_example_x']);
  });

  it('reports both kinds when one function changes in logic and another only in conditionals', () => {
    const head = KMOD.replace('lookup_new(retval)', 'lookup_newer(retval)').replace('0, false, 0', '1, false, 0');
    const { changed, compat } = check({ [FILLERS]: KMOD }, { [FILLERS]: head });
    expect(changed.map((h) => h.message)).toEqual([expect.stringContaining('example_helper')]);
    expect(compat.map((h) => h.message)).toEqual([expect.stringContaining('f_sys_example_x')]);
  });

  it('reports a new function and a removed one', () => {
    const head = KMOD.replace(
      '\nint f_sys_example_x',
      '\nint f_sys_new_x(struct event_filler_arguments *args) {\n\treturn 0;\n}\n\nint f_sys_example_x',
    );
    const added = check({ [FILLERS]: KMOD }, { [FILLERS]: head });
    expect(added.changed).toEqual([
      {
        message:
          'new function f_sys_new_x in driver/ppm_fillers.c (kernel module); a new filler or helper changes what the driver sends',
        location: { path: FILLERS, line: 8 },
      },
    ]);
    const gone = check({ [FILLERS]: head }, { [FILLERS]: KMOD });
    expect(gone.changed).toEqual([
      {
        message: 'function f_sys_new_x was removed from driver/ppm_fillers.c (kernel module)',
        location: { path: FILLERS, line: 8 },
      },
    ]);
    expect(gone.compat).toEqual([]);
  });

  it('reports a new program file once, naming its functions', () => {
    const two = PROG('open') + PROG('openat');
    const { changed } = check({ [CLOSE]: PROG('close') }, { [CLOSE]: PROG('close'), [OPEN]: two });
    expect(changed).toEqual([
      {
        message: `new file ${OPEN} (modern eBPF probe) defines 2 functions: open_x, openat_x; new filler or program code changes what the driver sends`,
        location: { path: OPEN, line: 3 },
      },
    ]);
    // A new file with a single program is reported as a new function.
    const single = check({ [CLOSE]: PROG('close') }, { [CLOSE]: PROG('close'), [OPEN]: PROG('open') });
    expect(single.changed.map((h) => h.message)).toEqual([
      `new function open_x in ${OPEN} (modern eBPF probe); a new filler or helper changes what the driver sends`,
    ]);
  });

  it('reports a removed file once (dropping a probe)', () => {
    const legacy = 'FILLER(sys_a_x, true)\n{\n\treturn 0;\n}\nFILLER(sys_b_x, true)\n{\n\treturn 1;\n}\n';
    const { changed } = check({ [FILLERS]: KMOD, 'driver/bpf/fillers.h': legacy }, { [FILLERS]: KMOD });
    expect(changed).toEqual([
      {
        message: 'driver/bpf/fillers.h (legacy eBPF probe) is gone with its 2 functions: sys_a_x, sys_b_x',
        location: { path: 'driver/bpf/fillers.h', line: 1 },
      },
    ]);
  });

  it('matches functions across renamed or moved files by probe and name', () => {
    const moved = 'driver/modern_bpf/programs/tail_called/events/close.bpf.c';
    expect(check({ [CLOSE]: PROG('close') }, { [moved]: PROG('close') })).toMatchObject({
      changed: [],
      compat: [],
      symbols: [],
    });
    // A moved and edited program: one finding naming both paths.
    const { changed } = check(
      { [CLOSE]: PROG('close') },
      { [moved]: PROG('close', '\n\tringbuf__store_u32(&ringbuf, 0);') },
    );
    expect(changed).toEqual([
      {
        message: `the code of close_x (moved from ${CLOSE} to ${moved}, modern eBPF probe) changed`,
        location: { path: moved, line: 3 },
      },
    ]);
  });

  it('keeps same-named static helpers of different files apart', () => {
    const helper = (v: number) =>
      `static __always_inline int common_handler(struct pt_regs *regs) {\n\treturn ${v};\n}\n`;
    const base = { [CLOSE]: helper(1) + PROG('close'), [OPEN]: helper(2) + PROG('open') };
    expect(check(base, base)).toMatchObject({ changed: [], compat: [], symbols: [] });
    const { changed } = check(base, { ...base, [OPEN]: helper(3) + PROG('open') });
    expect(changed).toEqual([
      { message: `the code of common_handler (${OPEN}, modern eBPF probe) changed`, location: { path: OPEN, line: 1 } },
    ]);
  });

  it('does not match a function of one probe with the same name in another', () => {
    const kmod = 'static int shared_name(void) {\n\treturn 0;\n}\n';
    const { changed } = check({ [FILLERS]: kmod }, { 'driver/bpf/filler_helpers.h': kmod });
    expect(changed.map((h) => h.message)).toEqual([
      'new function shared_name in driver/bpf/filler_helpers.h (legacy eBPF probe); a new filler or helper changes what the driver sends',
      'function shared_name was removed from driver/ppm_fillers.c (kernel module)',
    ]);
  });

  it('does not report the functions of a file that could not be read as removed', () => {
    const { changed } = check({ [FILLERS]: KMOD }, {}, [
      { path: FILLERS, message: 'could not read', incomplete: true },
    ]);
    expect(changed).toEqual([]);
  });
});
