import { describe, expect, it } from 'vitest';
import { CODE_FILES, extractCodeBodies, isCodeFile, probeOf } from '../../src/surface/extract/code-bodies.js';
import { compatVariants, isKernelSpecific } from '../../src/surface/model.js';
import { codeDelta } from '../../src/rules/schema/code-pairs.js';
import { fileKind } from '../../src/surface/files.js';
import {
  evalCondition,
  isCompatCondition,
  NEWEST,
  oldestBuilds,
} from '../../src/surface/extract/code/kernel-compat.js';

const FILLERS = 'driver/ppm_fillers.c';

/** Hand-written snippets in the shape of the drivers' sources (no libs code). */
const fns = (src: string, path = FILLERS) => extractCodeBodies(path, src).functions;
const one = (src: string, name: string, path = FILLERS) => {
  const f = fns(src, path)[name];
  if (!f) throw new Error(`no function ${name} in ${Object.keys(fns(src, path)).join(', ')}`);
  return f;
};

const BASE_FILLER = `
/* Copyright header */
#include "ppm.h"

static int helper(struct event_filler_arguments *args, unsigned long val) {
	int res = val_to_ring(args, val, 0, false, 0);  // push it
	if (res != PPM_SUCCESS) {
		return res;
	}
	return add_sentinel(args);
}

int f_sys_example_x(struct event_filler_arguments *args) {
	int64_t retval = (int64_t)syscall_get_return_value(current, args->regs);
	/* Parameter 1: res (type: PT_ERRNO) */
	return helper(args, retval);
}
`;

describe('extractCodeBodies: finding functions', () => {
  it('finds plain top-level definitions, keyed by name, with the name line', () => {
    const f = fns(BASE_FILLER);
    expect(Object.keys(f)).toEqual(['f_sys_example_x', 'helper']);
    expect(f.helper!.line).toBe(5);
    expect(f.f_sys_example_x!.line).toBe(13);
    expect(f.helper!.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(f.helper).not.toHaveProperty('compatVariants');
  });

  it('names BPF_PROG / BPF_KPROBE programs by their first argument, with SEC() before them', () => {
    const src = `
#include "helpers/interfaces/fixed_size_event.h"

SEC("tp_btf/sys_exit")
int BPF_PROG(close_x, struct pt_regs *regs, long ret) {
	struct ringbuf_struct ringbuf;
	if(!ringbuf__reserve_space(&ringbuf, CLOSE_X_SIZE, PPME_SYSCALL_CLOSE_X)) {
		return 0;
	}
	ringbuf__store_s64(&ringbuf, ret);
	ringbuf__submit_event(&ringbuf);
	return 0;
}

SEC("kprobe/__ia32_sys_example")
int BPF_KPROBE(ia32_example_e, struct pt_regs *regs) {
	return 0;
}

SEC("iter/task")
int dump_task(struct bpf_iter__task *ctx) {
	return 0;
}
`;
    const f = fns(src, 'driver/modern_bpf/programs/tail_called/events/syscall_dispatched_events/close.bpf.c');
    expect(Object.keys(f)).toEqual(['close_x', 'dump_task', 'ia32_example_e']);
    expect(f.close_x!.line).toBe(5);
    // The section name is part of the signature.
    const other = fns(src.replace('tp_btf/sys_exit', 'raw_tp/sys_exit'), 'x.bpf.c');
    expect(other.close_x!.hash).not.toBe(f.close_x!.hash);
  });

  it('names FILLER / FILLER_RAW (legacy probe), TRACEPOINT_PROBE and BPF_PROBE definitions', () => {
    const src = `
FILLER_RAW(terminate_filler)
{
	return 0;
}

FILLER(sys_example_x, true)
{
	long retval = bpf_syscall_get_retval(data->ctx);
	return bpf_push_s64_to_ring(data, retval);
}

TRACEPOINT_PROBE(syscall_exit_probe, struct pt_regs *regs, long ret) {
	record(regs, ret);
}

BPF_PROBE("raw_syscalls/", sys_exit, sys_exit_args)
{
	return 0;
}
`;
    expect(Object.keys(fns(src, 'driver/bpf/fillers.h'))).toEqual([
      'sys_example_x',
      'sys_exit',
      'syscall_exit_probe',
      'terminate_filler',
    ]);
  });

  it('finds static __always_inline helpers (modern probe helpers), also with trailing attributes', () => {
    const src = `
#pragma once
#include <helpers/base/push_data.h>

static __always_inline void auxmap__store_example_param(struct auxiliary_map *auxmap, unsigned long val) {
	push__u64(auxmap->data, &auxmap->payload_pos, val);
	push__param_len(auxmap->data, &auxmap->lengths_pos, sizeof(uint64_t));
}

static inline int __attribute__((always_inline)) counted(int a) __attribute__((unused)) {
	return a + 1;
}
`;
    expect(Object.keys(fns(src, 'driver/modern_bpf/helpers/store/auxmap_store_params.h'))).toEqual([
      'auxmap__store_example_param',
      'counted',
    ]);
  });

  it('does not take prototypes, structs, initializers, typedefs or macros for functions', () => {
    const src = `
int f_sys_a_x(struct event_filler_arguments *args);
struct example_state {
	int a;
	long (*cb)(int x);
};
static const struct ppm_name_value example_flags[] = {
	{"A", (1 << 0)},
	{"B", f(1)},
};
typedef int (*filler_t)(struct event_filler_arguments *args);
#define DEFINE_THING(x) static int x(void) { return 0; }
enum example_codes { T_A, T_B };
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
} example_map __weak SEC(".maps");
int real(void) { return 1; }
`;
    expect(Object.keys(fns(src))).toEqual(['real']);
  });

  it('sees through extern "C" blocks (userspace builds of shared headers)', () => {
    const src = `
#ifdef __cplusplus
extern "C" {
#endif
static inline uint32_t example_flags_to_scap(uint32_t flags) {
	return flags & 1;
}
#ifdef __cplusplus
}
#endif
static inline uint32_t after(uint32_t x) { return x; }
`;
    expect(Object.keys(fns(src, 'driver/ppm_flag_helpers.h'))).toEqual(['after', 'example_flags_to_scap']);
  });

  it('matches nested braces, and braces or comment markers inside strings and chars', () => {
    const src = `
static void tricky(char *buf) {
	const char *s = "}{ /* not a comment */ // nor this";
	char c = '}';
	char d = '\\'';
	if (buf[0] == '{') {
		while (1) { do { buf++; } while (*buf != '"'); break; }
	}
	snprintf(buf, 8, "\\"}%s", s);
}
static void after(void) {
	return;
}
`;
    const f = fns(src);
    expect(Object.keys(f)).toEqual(['after', 'tricky']);
    expect(f.after!.line).toBe(11);
    // The string's text is part of the body.
    expect(one(src.replace('nor this', 'nor that'), 'tricky').hash).not.toBe(f.tricky!.hash);
    expect(one(src.replace('nor this', 'nor that'), 'after').hash).toBe(f.after!.hash);
  });

  it('keeps brace matching right when #if branches each open a block', () => {
    const src = `
static int branches(int x) {
#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)
	if (x > 1) {
#else
	if (x > 2) {
#endif
		x++;
	}
	return x;
}
static int next(void) { return 0; }
`;
    const f = fns(src);
    expect(Object.keys(f)).toEqual(['branches', 'next']);
    expect(f.next!.line).toBe(12);
  });

  it('handles a signature whose variants sit in #if branches', () => {
    const src = `
#if LINUX_VERSION_CODE < KERNEL_VERSION(4, 0, 0)
static int variant(int a) {
#else
static int variant(long a) {
#endif
	return (int)a;
}
static int next(void) { return 0; }
`;
    expect(Object.keys(fns(src))).toEqual(['next', 'variant']);
  });

  it('concatenates a name defined in several #if branches into one entry (first line)', () => {
    const src = `
#ifdef UDIG
static int twice(void) { return 1; }
#else
static int twice(void) { return 2; }
#endif
`;
    const f = fns(src);
    expect(Object.keys(f)).toEqual(['twice']);
    expect(f.twice!.line).toBe(3);
    // Either definition counts.
    const g = one(src.replace('return 2', 'return 3'), 'twice');
    expect(g.hash).not.toBe(f.twice!.hash);
    expect(codeDelta(f.twice!, g)).toBe('logic');
  });

  it('turns `#if 0 … #elif X` into `#if X`', () => {
    const src =
      '#if 0\nstatic int dead(void) { return 0; }\n#elif defined(UDIG)\nstatic int udig(void) { return 1; }\n#endif\n';
    expect(Object.keys(fns(src))).toEqual(['udig']);
  });

  it('ignores the dead branch of #if 0 and keeps its #else branch', () => {
    const src = `
#if 0
static int dead(void) { return 0; }
#else
static int alive(void) {
#if 0
	old_code();
#endif
	return 1;
}
#endif
`;
    const f = fns(src);
    expect(Object.keys(f)).toEqual(['alive']);
    expect(one(src.replace('old_code()', 'older_code()'), 'alive').hash).toBe(f.alive!.hash);
  });

  it('handles line continuations in macros and in // comments', () => {
    const src = `
static int cont(int a) {
#define LOCAL_SUM(x, y) \\
	((x) + \\
	 (y))
	// a comment continued \\
	on the next line, still a comment; return 0;
	return LOCAL_SUM(a, 1);
}
`;
    const reflowed = `
static int cont(int a) {
#define LOCAL_SUM(x, y) ((x) + (y))
	return LOCAL_SUM(a, 1);
}
`;
    expect(one(reflowed, 'cont').hash).toBe(one(src, 'cont').hash);
    expect(one(src.replace('(y))', '(y) + 1)'), 'cont').hash).not.toBe(one(src, 'cont').hash);
  });
});

describe('extractCodeBodies: hashes', () => {
  const base = one(BASE_FILLER, 'f_sys_example_x');

  it('ignores comments, whitespace and reformatting', () => {
    const reformatted = `
static int helper(struct event_filler_arguments* args,
                  unsigned long val)
{
	int res=val_to_ring(args,val,0,false,0);
	if(res!=PPM_SUCCESS)
	{
		return res;
	}

	return add_sentinel( args );
}
/* moved comment */ int
f_sys_example_x(struct event_filler_arguments *args)
{
	// Parameter 1: res (type: PT_ERRNO), rewritten comment
	int64_t retval = (int64_t) syscall_get_return_value(current, args->regs);
	return helper(args, retval);
}
`;
    const a = fns(BASE_FILLER);
    const b = fns(reformatted);
    expect(b).toEqual({
      helper: { ...a.helper, line: 2 },
      f_sys_example_x: { ...a.f_sys_example_x, line: 14 },
    });
  });

  it('changes the hash for a one-token change in the body or the parameters', () => {
    const body = one(BASE_FILLER.replace('(int64_t)syscall', '(int32_t)syscall'), 'f_sys_example_x');
    expect(body.hash).not.toBe(base.hash);
    expect(codeDelta(base, body)).toBe('logic');
    const params = one(BASE_FILLER.replace('unsigned long val)', 'long val)'), 'helper');
    expect(params.hash).not.toBe(one(BASE_FILLER, 'helper').hash);
    // Only the edited function changes.
    expect(one(BASE_FILLER.replace('unsigned long val)', 'long val)'), 'f_sys_example_x')).toEqual(base);
  });

  const KERNEL = `
int f_sys_kernel_x(struct event_filler_arguments *args) {
	struct file *file = NULL;
	int res = 0;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
	file = new_lookup(args->fd);
#elif defined(HAS_OLD_LOOKUP)
	file = old_lookup(args->fd);
#else
	file = fcheck(args->fd);
#endif
#ifdef CONFIG_CGROUPS
	res = cgroup_thing(file);
#endif
	res = val_to_ring(args, (unsigned long)file, 0, false, 0);
	return res;
}
`;

  it('a change the oldest kernel (for one outcome of the API probes) or the newest does not build is a kernel build matter', () => {
    const k = one(KERNEL, 'f_sys_kernel_x');
    expect(k.compatVariants).toBeDefined();
    for (const [from, to] of [
      // Only newer kernels take the first branch, and its threshold.
      ['KERNEL_VERSION(6, 7, 0)', 'KERNEL_VERSION(6, 8, 0)'],
      ['file = new_lookup(args->fd);', 'file = newer_lookup(args->fd);'],
      // Kernels with the old API keep theirs (a probe may mark older or newer kernels).
      ['file = fcheck(args->fd);', 'file = files_lookup_fd_raw(args->fd);'],
      [
        '#else\n\tfile = fcheck',
        '#elif LINUX_VERSION_CODE >= KERNEL_VERSION(3, 0, 0)\n\tfile = mid_lookup(args->fd);\n#else\n\tfile = fcheck',
      ],
      [
        '#endif\n\tres = val_to_ring',
        '#endif\n#if __has_include(<linux/new.h>)\n\tnew_thing();\n#endif\n\tres = val_to_ring',
      ],
      // Both outcomes of the API probe, for kernels below 6.7 only: the newest builds the same code.
      [
        'file = old_lookup(args->fd);\n#else\n\tfile = fcheck(args->fd);',
        'file = old_lookup(args->fd + 1);\n#else\n\tfile = fcheck(args->fd + 1);',
      ],
    ] as const) {
      const e = one(KERNEL.replace(from, to), 'f_sys_kernel_x');
      expect(e.hash, from).not.toBe(k.hash);
      expect(codeDelta(k, e), from).toBe('compat');
    }
    for (const [from, to] of [
      // Outside the conditionals.
      ['(unsigned long)file, 0', '(unsigned long)file, 1'],
      // Under a configuration option: code of every kernel built with it.
      ['res = cgroup_thing(file);', 'res = cgroup_thing2(file, 1);'],
    ] as const) {
      expect(codeDelta(k, one(KERNEL.replace(from, to), 'f_sys_kernel_x')), from).toBe('logic');
    }
  });

  it('code changed in every branch alike, or added where the oldest kernel builds it, is logic', () => {
    const k = one(KERNEL, 'f_sys_kernel_x');
    const every = KERNEL.replace('new_lookup(args->fd)', 'new_lookup(args->fd, 1)')
      .replace('old_lookup(args->fd)', 'old_lookup(args->fd, 1)')
      .replace('fcheck(args->fd)', 'fcheck(args->fd, 1)');
    expect(codeDelta(k, one(every, 'f_sys_kernel_x'))).toBe('logic');
    for (const cond of [
      '#if LINUX_VERSION_CODE >= 0',
      '#if !defined(HAS_X) || defined(HAS_X)',
      '#ifdef CONFIG_MMU',
      '#ifndef CONFIG_NEVER_SET',
    ]) {
      const added = KERNEL.replace(
        '\treturn res;',
        `${cond}\n\tres = val_to_ring(args, 7, 0, false, 0);\n#endif\n\treturn res;`,
      );
      expect(codeDelta(k, one(added, 'f_sys_kernel_x')), cond).toBe('logic');
    }
    // Both branches of a new version test: the oldest kernel builds the #else.
    const both = KERNEL.replace(
      '\treturn res;',
      '#if LINUX_VERSION_CODE >= KERNEL_VERSION(4, 0, 0)\n\tres = 7;\n#else\n\tres = 8;\n#endif\n\treturn res;',
    );
    expect(codeDelta(k, one(both, 'f_sys_kernel_x'))).toBe('logic');
    // New code for newer kernels only, or for kernels with a probed API: a build matter.
    for (const cond of ['#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)', '#ifdef HAS_NEW_API']) {
      const added = KERNEL.replace(
        '\treturn res;',
        `${cond}\n\tres = val_to_ring(args, 7, 0, false, 0);\n#endif\n\treturn res;`,
      );
      expect(codeDelta(k, one(added, 'f_sys_kernel_x')), cond).toBe('compat');
    }
  });

  it('treats architecture, ia32-compat, syscall and flag-availability conditionals as logic', () => {
    const src = `
static uint32_t example_flags_to_scap(uint32_t flags) {
	uint32_t res = 0;
#ifdef O_EXAMPLE
	if (flags & O_EXAMPLE) res |= PPM_O_EXAMPLE;
#endif
#ifdef CONFIG_COMPAT
	res |= compat_bits(flags);
#endif
#ifdef __NR_clone3
	res |= 2;
#endif
	return res;
}
`;
    const f = one(src, 'example_flags_to_scap');
    expect(f).not.toHaveProperty('compatVariants');
    for (const [from, to] of [
      ['res |= PPM_O_EXAMPLE', 'res |= PPM_O_OTHER'],
      ['compat_bits(flags)', 'compat_bits(flags + 1)'],
      ['res |= 2', 'res |= 4'],
    ] as const) {
      expect(codeDelta(f, one(src.replace(from, to), 'example_flags_to_scap')), from).toBe('logic');
    }
  });

  const CORE = `
static __always_inline void extract__example(struct task_struct *task, uint64_t *out) {
	if(bpf_core_field_exists(task->new_field)) {
		BPF_CORE_READ_INTO(out, task, new_field);
	} else if(bpf_core_type_exists(struct old_type)) {
		struct old_type___v1 *o = (void *)task;
		BPF_CORE_READ_INTO(out, o, old_field);
	} else {
		*out = 0;
	}
	if(!bpf_core_enum_value_exists(enum bpf_func_id, BPF_FUNC_example))
		return;
	uint32_t sz = bpf_core_type_size(struct example);
	bpf_core_read(out, sz, &task->pid);
	*out += sz;
}
`;

  it('a change confined to one side of bpf_core_* feature checks is a kernel build matter', () => {
    const c = one(CORE, 'extract__example', 'driver/modern_bpf/helpers/extract/extract_from_kernel.h');
    expect(c.compatVariants).toBeDefined();
    for (const [from, to] of [
      ['BPF_CORE_READ_INTO(out, task, new_field);', 'BPF_CORE_READ_INTO(out, task, newer_field);'],
      ['BPF_CORE_READ_INTO(out, o, old_field);', 'BPF_CORE_READ_INTO(out, o, old_field2);'],
      ['*out = 0;', '*out = -1;'],
      ['BPF_FUNC_example))\n\t\treturn;', 'BPF_FUNC_other))\n\t\treturn;'],
    ] as const) {
      const e = one(CORE.replace(from, to), 'extract__example');
      expect(e.hash, from).not.toBe(c.hash);
      expect(codeDelta(c, e), from).toBe('compat');
    }
    // bpf_core_read is a data read, not a feature check, and a relocated size used as data is data; the rest is logic.
    for (const [from, to] of [
      ['&task->pid', '&task->tgid'],
      ['*out += sz', '*out -= sz'],
      ['bpf_core_type_size(struct example)', 'bpf_core_type_size(struct example___v2)'],
    ] as const) {
      expect(codeDelta(c, one(CORE.replace(from, to), 'extract__example')), from).toBe('logic');
    }
    // Both sides of the check changed.
    const both = CORE.replace('*out = 0;', '*out = -1;').replace(
      'BPF_CORE_READ_INTO(out, task, new_field);',
      'BPF_CORE_READ_INTO(out, task, new_field);\n\t\t*out += 1;',
    );
    expect(codeDelta(c, one(both, 'extract__example'))).toBe('logic');
  });

  it("a condition that also tests the event's data is payload logic in every build, CO-RE check or not", () => {
    const src = (cmd: string) =>
      `static void store_quota(struct auxiliary_map *auxmap, uint32_t cmd) {\n\tif(bpf_core_type_exists(struct if_dqblk) && (cmd == ${cmd})) {\n\t\tauxmap__store_u64_param(auxmap, 1);\n\t}\n}\n`;
    const path = 'driver/modern_bpf/helpers/store/auxmap_store_params.h';
    const f = one(src('PPM_Q_GETQUOTA'), 'store_quota', path);
    expect(f).not.toHaveProperty('compatVariants');
    expect(codeDelta(f, one(src('PPM_Q_SETQUOTA'), 'store_quota', path))).toBe('logic');
    // Checks joined by logic and compared with constants are a feature check.
    const check = (id: string) =>
      `static int helper(void) {\n\tif(!bpf_core_enum_value_exists(enum bpf_func_id, ${id}) || bpf_core_enum_value(enum bpf_func_id, ${id}) != ${id}) {\n\t\treturn 0;\n\t}\n\treturn 1;\n}\n`;
    expect(
      codeDelta(one(check('BPF_FUNC_copy_a'), 'helper', path), one(check('BPF_FUNC_copy_b'), 'helper', path)),
    ).toBe('compat');
  });

  it('treats split string literals and fixed-width type spellings as the same code', () => {
    const src = `
static void msg(struct event_filler_arguments *args, u32 a, __s64 b) {
	u64 v = (u64)a;
	report("value %u is out of range for event %u, "
	       "tid:%u\\n", a, args->event_type, b);
}
`;
    const same = `
static void msg(struct event_filler_arguments *args, uint32_t a, int64_t b) {
	uint64_t v = (uint64_t)a;
	report("value %u is out of range for event %u, tid:%u\\n", a, args->event_type, b);
}
`;
    expect(one(same, 'msg')).toEqual(one(src, 'msg'));
    expect(one(src.replace('"tid', '"pid'), 'msg').hash).not.toBe(one(src, 'msg').hash);
    // Only string literals merge: a char literal next to a string stays apart.
    expect(one(src.replace('u64 v = (u64)a;', 'u32 v = (u32)a;'), 'msg').hash).not.toBe(one(src, 'msg').hash);
  });

  it('has compatVariants only for functions with kernel-compatibility regions', () => {
    const k = one(KERNEL, 'f_sys_kernel_x');
    const { oldest, newest } = compatVariants(k);
    // Without and with the probed API (HAS_OLD_LOOKUP), the newest kernel: three builds of different code.
    expect(new Set([oldest[0], oldest[2], newest, k.hash]).size).toBe(4);
    // No condition on a configuration option: the options change nothing.
    expect([oldest[1], oldest[3]]).toEqual([oldest[0], oldest[2]]);
    const plain = one(BASE_FILLER, 'helper');
    expect(plain).not.toHaveProperty('compatVariants');
    expect(compatVariants(plain)).toEqual({
      oldest: [plain.hash, plain.hash, plain.hash, plain.hash],
      newest: plain.hash,
    });
  });

  it('sees wrapped code in the oldest kernel build, with or without the probed APIs (either branch order)', () => {
    const before = 'static long pick(struct task_struct *t) {\n\tlong v = read_old(t);\n\treturn v + 1;\n}\n';
    const plain = one(before, 'pick');
    const wraps = [
      // The old code stays for old kernels, in the first or the last branch.
      [
        '#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 3, 0)\n\tlong v = read_old(t);\n#else\n\tlong v = read_new(t);\n#endif',
        0,
      ],
      [
        '#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)\n\tlong v = read_new(t);\n#else\n\tlong v = read_old(t);\n#endif',
        0,
      ],
      // An API probe: the old code is what a build with the probed API sees.
      ['#ifdef HAS_OLD_FIELD\n\tlong v = read_old(t);\n#else\n\tlong v = read_new(t);\n#endif', 2],
    ] as const;
    for (const [wrapped, variant] of wraps) {
      const after = one(before.replace('\tlong v = read_old(t);', wrapped), 'pick');
      expect(compatVariants(after).oldest[variant], wrapped).toBe(plain.hash);
      expect(codeDelta(plain, after), wrapped).toBe('compat');
    }
    // A CO-RE check around existing code: a build where it holds takes the then-branch, without braces.
    const core = one(
      before.replace(
        '\tlong v = read_old(t);',
        '\tlong v;\n\tif(bpf_core_field_exists(t->old)) {\n\t\tv = read_old(t);\n\t} else {\n\t\tv = read_new(t);\n\t}',
      ),
      'pick',
    );
    const split = one(before.replace('long v = read_old(t);', 'long v;\n\tv = read_old(t);'), 'pick');
    expect(compatVariants(core).oldest[2]).toBe(split.hash);
    expect(codeDelta(split, core)).toBe('compat');
  });

  it('marks a helper defined only under kernel conditionals as kernel-specific', () => {
    const src = `
#if LINUX_VERSION_CODE >= KERNEL_VERSION(3, 4, 0)
static pid_t reaper(struct task_struct *t) { return find(t); }
#else
static pid_t reaper(struct task_struct *t) { return 0; }
#endif
#ifdef UDIG
static int userspace_only(void) { return 1; }
#endif
static int always(void) { return 2; }
`;
    const f = fns(src);
    expect(isKernelSpecific(f.reaper!)).toBe(true);
    expect(isKernelSpecific(f.userspace_only!)).toBe(false);
    expect(isKernelSpecific(f.always!)).toBe(false);
    expect(f.always).not.toHaveProperty('kernelSpecific');
    // Each build compiles the definition whose branch it takes.
    const single = (body: string) => one(`static pid_t reaper(struct task_struct *t) { ${body} }\n`, 'reaper').hash;
    expect(compatVariants(f.reaper!)).toEqual({
      oldest: Array(4).fill(single('return 0;')),
      newest: single('return find(t);'),
    });
    // Not by position: the oldest kernel builds the first branch here.
    const swapped = src.replace('>= KERNEL_VERSION(3, 4, 0)', '< KERNEL_VERSION(3, 4, 0)');
    expect(compatVariants(fns(swapped).reaper!)).toEqual({
      oldest: Array(4).fill(single('return find(t);')),
      newest: single('return 0;'),
    });
  });

  it('keys a function named __proto__ as an ordinary own property', () => {
    const f = fns('static int __proto__(void) { return 0; }\nstatic int constructor(void) { return 1; }\n');
    expect(Object.keys(f)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(f)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });

  it('survives pathological nesting (no kernel allowance then, never a crash)', () => {
    const chain = Array.from({ length: 20000 }, () => 'else if (a) b();').join('\n');
    const src = `static void deep(int a) {\n\tif (bpf_core_field_exists(a)) b();\n${chain}\n}\n`;
    expect(Object.keys(fns(src))).toEqual(['deep']);
    const loops = `static void loops(int a) {\n#if LINUX_VERSION_CODE > 0\n\tx();\n#endif\n\tif (bpf_core_type_exists(a)) ${'while (a) '.repeat(20000)}b();\n}\n`;
    expect(Object.keys(fns(loops))).toEqual(['loops']);
  });

  it('is deterministic', () => {
    expect(extractCodeBodies(FILLERS, KERNEL)).toEqual(extractCodeBodies(FILLERS, KERNEL));
  });
});

describe('compat conditions, probes and file selection', () => {
  it.each([
    ['LINUX_VERSION_CODE >= KERNEL_VERSION(5, 8, 0)', true],
    ['defined(HAS_FS_MNT_IDMAP)', true],
    // A configuration option: code of every kernel built with it.
    ['defined(CONFIG_CGROUPS)', false],
    ['IS_ENABLED(CONFIG_MEMCG)', false],
    ['defined(CONFIG_CGROUPS) && LINUX_VERSION_CODE >= KERNEL_VERSION(5, 0, 0)', true],
    ['PPM_RHEL_RELEASE_CODE > 0 && PPM_RHEL_RELEASE_CODE >= PPM_RHEL_RELEASE_VERSION(8, 1)', true],
    ['__has_include(<asm/rwonce.h>)', true],
    ['defined(get_file_rcu)', true],
    ['defined(BPF_FORBIDS_ZERO_ACCESS)', true],
    ['defined(BPF_SUPPORTS_RAW_TRACEPOINTS)', false],
    ['defined(CONFIG_COMPAT)', false],
    ['defined(CONFIG_X86_64)', false],
    ['defined(__NR_clone3)', false],
    ['defined(SO_COOKIE)', false],
    ['defined(UDIG)', false],
    ['defined(CAPTURE_SCHED_PROC_FORK)', false],
  ])('%s → %s', (cond, expected) => {
    expect(isCompatCondition(cond)).toBe(expected);
  });

  it.each([
    ['LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)', false, true],
    ['(LINUX_VERSION_CODE < KERNEL_VERSION(3, 4, 0))', true, false],
    ['LINUX_VERSION_CODE < KERNEL_VERSION(3, 15, 0) || LINUX_VERSION_CODE >= KERNEL_VERSION(4, 9, 0)', true, true],
    ['defined(HAS_FS_MNT_IDMAP)', false, true],
    ['!defined(HAS_FS_MNT_IDMAP)', true, false],
    ['IS_ENABLED(CONFIG_MEMCG)', false, true],
    ['defined(get_file_rcu)', false, true],
    ['__has_include(<asm/rwonce.h>)', false, true],
    ['PPM_RHEL_RELEASE_CODE > 0 && PPM_RHEL_RELEASE_CODE >= PPM_RHEL_RELEASE_VERSION(8, 1)', false, false],
    ['defined(UDIG)', false, false],
    ['defined(CONFIG_CGROUPS) && !defined(UDIG)', false, true],
  ])('%s: oldest build %s, newest build %s', (cond, oldest, newest) => {
    expect(evalCondition(cond, oldestBuilds(0n)[0])).toBe(oldest);
    expect(evalCondition(cond, NEWEST)).toBe(newest);
  });

  it('maps paths to probes', () => {
    expect(probeOf('driver/ppm_fillers.c')).toBe('kmod');
    expect(probeOf('driver/ppm_events.c')).toBe('kmod');
    expect(probeOf('driver/ppm_events.h')).toBe('kmod');
    expect(probeOf('driver/ppm_flag_helpers.h')).toBe('shared');
    expect(probeOf('driver/modern_bpf/programs/attached/events/sched_switch.bpf.c')).toBe('modern');
    expect(probeOf('driver/modern_bpf/helpers/store/auxmap_store_params.h')).toBe('modern');
    expect(probeOf('driver/bpf/fillers.h')).toBe('legacy');
    expect(extractCodeBodies('driver/bpf/fillers.h', '').probe).toBe('legacy');
  });

  it('selects filler and program files only', () => {
    for (const p of [
      'driver/ppm_fillers.c',
      'driver/ppm_events.c',
      'driver/ppm_flag_helpers.h',
      'driver/modern_bpf/programs/tail_called/events/syscall_dispatched_events/close.bpf.c',
      'driver/modern_bpf/programs/attached/dispatchers/syscall_exit.bpf.c',
      'driver/modern_bpf/helpers/base/push_data.h',
      'driver/bpf/fillers.h',
      'driver/bpf/filler_helpers.h',
      // The kernel module's event path; also read as text for its module parameters.
      'driver/main.c',
    ]) {
      expect(isCodeFile(p), p).toBe(true);
    }
    expect(fileKind('driver/main.c')).toBe('text');
    for (const p of [
      'driver/event_table.c',
      'driver/modern_bpf/definitions/x86_64/vmlinux.h',
      'driver/modern_bpf/definitions/events_dimensions.h',
      'driver/modern_bpf/maps/maps.h',
      'driver/bpf/maps.h',
      'driver/bpf/types.h',
      'driver/modern_bpf/programs/README.md',
    ]) {
      expect(isCodeFile(p), p).toBe(false);
    }
    expect(CODE_FILES.length).toBeGreaterThan(0);
  });

  // Speed is measured by bench/check-speed.mjs, not here.
  it('extracts every function of a file the size of ppm_fillers.c', () => {
    // About 9000 lines, the size of ppm_fillers.c.
    const body = (i: number) =>
      `int f_sys_gen${i}_x(struct event_filler_arguments *args) {\n\tint res = 0;\n#if LINUX_VERSION_CODE > KERNEL_VERSION(4, ${i % 20}, 0)\n\tres = a(args, "s{", '}');\n#endif\n\tif (res) {\n\t\treturn res; /* c */\n\t}\n\treturn val_to_ring(args, ${i}, 0, false, 0);\n}\n`;
    const src = Array.from({ length: 900 }, (_, i) => body(i)).join('\n');
    const out = extractCodeBodies(FILLERS, src);
    expect(Object.keys(out.functions)).toHaveLength(900);
    expect(out.functions.f_sys_gen7_x?.line).toBe(7 * 11 + 1);
    expect(out.functions.f_sys_gen7_x?.hash).not.toBe(out.functions.f_sys_gen8_x?.hash);
  });
});

describe('build-only edits', () => {
  const helper = (q: string) => `${q} int helper(int x) {\n\tint y = x;\n\treturn y + 1;\n}\n`;

  it('static, inline and volatile change no hash (libs #1335, #947)', () => {
    const plain = one(helper(''), 'helper');
    expect(one(helper('static'), 'helper').hash).toBe(plain.hash);
    expect(one(helper('static __always_inline'), 'helper').hash).toBe(plain.hash);
    expect(one(helper('').replace('int y', 'volatile int y'), 'helper').hash).toBe(plain.hash);
    expect(one(helper('').replace('x;', 'x + 0;'), 'helper').hash).not.toBe(plain.hash);
  });

  it('static on a local is behaviour: its value carries over from one call to the next', () => {
    const counter = (q: string) => `static int helper(int x) {\n\t${q}int seq = 0;\n\tseq++;\n\treturn x + seq;\n}\n`;
    expect(one(counter('static '), 'helper').hash).not.toBe(one(counter(''), 'helper').hash);
    // Also when nothing initialises it: a hoisted declaration keeps its storage class.
    const hoisted = (q: string) => `int helper(int x) {\n\t${q}int seq;\n\tseq = x;\n\treturn seq;\n}\n`;
    expect(one(hoisted('static '), 'helper').hash).not.toBe(one(hoisted(''), 'helper').hash);
    // A cast to the type of a static local is still a cast to its own type.
    const cast = (c: string) =>
      `long helper(int x) {\n\tstatic long seq;\n\tlong y;\n\tseq += x;\n\ty = ${c}seq;\n\treturn y;\n}\n`;
    expect(one(cast('(long)'), 'helper').hash).toBe(one(cast(''), 'helper').hash);
  });

  it('IORING_FEAT_SINGLE_MMAP and __COS_WORKAROUND__ conditionals are kernel compatibility', () => {
    for (const cond of ['#ifdef IORING_FEAT_SINGLE_MMAP', '#ifdef __COS_WORKAROUND__']) {
      const base = `int f(int x) {\n${cond}\n\tx++;\n#endif\n\treturn x;\n}\n`;
      const head = base.replace('x++', 'x += 2');
      const [b, h] = [one(base, 'f'), one(head, 'f')];
      expect(h.hash).not.toBe(b.hash);
      expect(codeDelta(b, h)).toBe('compat');
    }
  });
});

describe('build-only edits: declarations, casts, debug output, hints', () => {
  const same = (a: string, b: string, name = 'f') => expect(one(b, name).hash, b).toBe(one(a, name).hash);
  const differ = (a: string, b: string, name = 'f') => expect(one(b, name).hash, b).not.toBe(one(a, name).hash);

  // The shape of libs 24e21bf27: a declaration hoisted to the top with a dead `= 0`.
  const ACCEPT = `
int f(struct event_filler_arguments *args) {
	int res;
	int64_t fd;
	fd = (int64_t)syscall_get_return_value(current, args->regs);
	res = val_to_ring(args, fd, 0, false, 0);
	CHECK_RES(res);
	unsigned long flags;
	syscall_get_arguments_deprecated(args, 3, 1, &flags);
	res = val_to_ring(args, socket_flags_to_scap(flags), 0, false, 0);
	return res;
}
`;
  const HOISTED = ACCEPT.replace('\tint64_t fd;\n', '\tint64_t fd;\n\tunsigned long flags = 0;\n').replace(
    '\tunsigned long flags;\n',
    '',
  );

  it('a declaration hoisted with a dead zero initialiser is no change (libs 24e21bf27)', () => {
    same(ACCEPT, HOISTED);
    // Declarations without a value may sit anywhere, in any order.
    same(ACCEPT, ACCEPT.replace('\tint res;\n\tint64_t fd;\n', '\tint64_t fd;\n\tint res;\n'));
  });

  it('an initialiser that is read is code', () => {
    // A non-zero initialiser, or a zero one the code reads before writing.
    differ(ACCEPT, HOISTED.replace('flags = 0;', 'flags = 1;'));
    const reads = ACCEPT.replace(
      '\tunsigned long flags;\n\tsyscall_get_arguments_deprecated(args, 3, 1, &flags);\n',
      '\tunsigned long flags;\n\tif (fd > 0)\n\t\tsyscall_get_arguments_deprecated(args, 3, 1, &flags);\n',
    );
    differ(reads, reads.replace('unsigned long flags;', 'unsigned long flags = 0;'));
    const accumulates = ACCEPT.replace('\tsyscall_get_arguments_deprecated(args, 3, 1, &flags);\n', '\tflags += fd;\n');
    differ(accumulates, accumulates.replace('unsigned long flags;', 'unsigned long flags = 0;'));
    const selfRead = ACCEPT.replace(
      '\tsyscall_get_arguments_deprecated(args, 3, 1, &flags);\n',
      '\tflags = flags | 1;\n',
    );
    differ(selfRead, selfRead.replace('unsigned long flags;', 'unsigned long flags = 0;'));
    const conditional = ACCEPT.replace(
      'syscall_get_arguments_deprecated(args, 3, 1, &flags);',
      'fd > 0 && get_flags(&flags);',
    );
    differ(conditional, conditional.replace('unsigned long flags;', 'unsigned long flags = 0;'));
    // A declaration's type is code.
    differ(ACCEPT, ACCEPT.replace('unsigned long flags;', 'unsigned int flags;'));
  });

  it('an initialiser overwritten before use, at the same level, is dead (libs 4949e54e0)', () => {
    const src = `
int f(struct filler_data *data) {
	unsigned long features;
	if (bpf_probe_read(&params, sizeof(params), (void *)val)) {
		return PPM_FAILURE_INVALID_USER_MEMORY;
	}
	features = io_uring_setup_feats_to_scap(params.features);
	return bpf_val_to_ring(data, features);
}
`;
    same(src, src.replace('unsigned long features;', 'unsigned long features = 0;'));
    differ(
      src,
      src
        .replace('unsigned long features;', 'unsigned long features = 0;')
        .replace('\tfeatures = io_uring', '\tif (data)\n\t\tfeatures = io_uring'),
    );
  });

  it('an unused local removed is no change (libs b607089e7)', () => {
    const src =
      'int f(struct event_filler_arguments *args) {\n\tint res = 0;\n\tunsigned long val = 0;\n\tres = val_to_ring(args, 1, 0, false, 0);\n\treturn res;\n}\n';
    same(src, src.replace('\tunsigned long val = 0;\n', ''));
    differ(src, src.replace('\tunsigned long val = 0;\n', '').replace('val_to_ring(args, 1', 'val_to_ring(args, 2'));
    // A local initialised by a call is kept: the call runs.
    differ(src.replace('val = 0', 'val = read_val()'), src);
  });

  it('a cast to the type the operand already has, qualifiers aside, is no change (libs adbd34b3f)', () => {
    const src =
      'int f(struct filler_data *data) {\n\tvolatile long args_len;\n\tres = accumulate(data, argv, &args_len);\n\treturn res;\n}\n';
    same(src, src.replace('&args_len', '(long *)&args_len'));
    differ(src, src.replace('&args_len', '(int *)&args_len'));
    const param = 'int f(struct filler_data *data, long len) {\n\treturn push(data, len);\n}\n';
    same(param, param.replace('push(data, len)', 'push(data, (long)len)'));
    differ(param, param.replace('push(data, len)', 'push(data, (int)len)'));
  });

  it('debug output compiled out of release builds is no change (bpf_printk, ASSERT, pr_*)', () => {
    const src = 'int f(struct filler_data *data) {\n\tint res = push(data, 1);\n\treturn res;\n}\n';
    same(
      src,
      src.replace('\treturn res;', '\tbpf_printk("push returned %d\\n", res);\n\tASSERT(res == 0);\n\treturn res;'),
    );
    differ(src, src.replace('\treturn res;', '\tnotify(res);\n\treturn res;'));
    // A log line made conditional (libs 3374d4405): an if left with nothing to do, when its condition has no effect.
    same(
      src,
      src.replace(
        '\treturn res;',
        '\tif (res != 0 && verbose) {\n\t\tpr_err("push: %d\\n", res);\n\t} else {\n\t\tbpf_printk("ok");\n\t}\n\treturn res;',
      ),
    );
    differ(
      src,
      src.replace(
        '\treturn res;',
        '\tif (res != 0 && check(res)) {\n\t\tpr_err("push: %d\\n", res);\n\t}\n\treturn res;',
      ),
    );
    differ(
      src,
      src.replace(
        '\treturn res;',
        '\tif (verbose) {\n\t\tpr_err("push");\n\t} else {\n\t\tres = 1;\n\t}\n\treturn res;',
      ),
    );
  });

  it('const, register and sparse annotations, #pragma hints and enum ppm_event_type are no change (libs #775, #554)', () => {
    const src =
      'int f(char *buf, enum ppm_event_type type) {\n\tint i;\n\tfor (i = 0; i < 4; i++)\n\t\tbuf[i] = type;\n\treturn 0;\n}\n';
    same(src, src.replace('char *buf', 'const char __user *buf'));
    same(src, src.replace('\tfor', '#pragma unroll\n\tfor'));
    same(src, src.replace('enum ppm_event_type', 'ppm_event_code'));
    same(
      src.replace('enum ppm_event_type', 'enum ppm_syscall_code'),
      src.replace('enum ppm_event_type', 'ppm_sc_code'),
    );
    differ(src, src.replace('enum ppm_event_type', 'ppm_sc_code'));
    // #pragma pack is kept.
    differ(src, src.replace('\tfor', '#pragma pack(1)\n\tfor'));
  });

  it('kernel UAPI feature macros are kernel-build switches (IORING_FEAT_*)', () => {
    expect(isCompatCondition('defined(IORING_FEAT_NODROP)')).toBe(true);
    expect(isCompatCondition('defined(O_TMPFILE)')).toBe(false);
    expect(isCompatCondition('defined(PPM_FEAT_X)')).toBe(true);
  });
});

describe('boundary facts and plumbing-free hashes (code roles)', () => {
  const LEGACY = `
FILLER_RAW(terminate_filler)
{
	struct scap_bpf_per_cpu_state *state = get_local_state(bpf_get_smp_processor_id());
	if(!state)
		return 0;
	switch(state->tail_ctx.prev_res) {
	case PPM_FAILURE_BUFFER_FULL:
		if(state->n_drops_buffer != ULLONG_MAX) {
			++state->n_drops_buffer;
		}
		switch(state->tail_ctx.evt_type) {
		case PPME_SYSCALL_OPEN_X:
			++state->n_drops_buffer_open_exit;
			break;
		default:
			break;
		}
		break;
	default:
		break;
	}
	release_local_state(state);
	return 0;
}
`;

  it('records calls, marks, globals and counters', () => {
    const f = one(LEGACY, 'terminate_filler', 'driver/bpf/fillers.h');
    expect(f.calls).toBe('bpf_get_smp_processor_id get_local_state release_local_state');
    expect(f.counters).toEqual(['n_drops_buffer', 'n_drops_buffer_open_exit']);
    expect(f.marks).toBeUndefined();
    const prog = one(PROGRAM_WITH_TAIL_CALL, 'close_x', 'driver/modern_bpf/programs/close.bpf.c');
    expect(prog.marks).toEqual(['event', 'header', 'param', 'tail-call']);
    expect(one('static bool g(void) {\n\treturn is_dropping;\n}\n', 'g').globals).toBe('is_dropping');
  });

  it('has a stats-free hash equal across changes confined to counter updates (guards, switches and else branches included)', () => {
    const f = one(LEGACY, 'terminate_filler', 'driver/bpf/fillers.h');
    const moved = LEGACY.replace(
      '\t\tcase PPME_SYSCALL_OPEN_X:\n\t\t\t++state->n_drops_buffer_open_exit;\n\t\t\tbreak;\n',
      '',
    );
    const g = one(moved, 'terminate_filler', 'driver/bpf/fillers.h');
    expect(g.hash).not.toBe(f.hash);
    expect(g.statsFreeHash).toBe(f.statsFreeHash);
    const other = one(
      LEGACY.replace('release_local_state(state);', 'release_local_state(NULL);'),
      'terminate_filler',
      'driver/bpf/fillers.h',
    );
    expect(other.statsFreeHash).not.toBe(f.statsFreeHash);
    const elseCount =
      'static void s(struct counter_map *c) {\n\tif(bpf_ringbuf_output(&rb, d, 1, 0) != 0) {\n\t\tc->n_drops_buffer++;\n\t} else {\n\t\tc->n_evts++;\n\t}\n}\n';
    const noElse =
      'static void s(struct counter_map *c) {\n\tc->n_evts++;\n\tif(bpf_ringbuf_output(&rb, d, 1, 0) != 0) {\n\t\tc->n_drops_buffer++;\n\t}\n}\n';
    expect(one(noElse, 's').statsFreeHash).toBe(one(elseCount, 's').statsFreeHash);
  });

  const PROGRAM_WITH_TAIL_CALL = `
int BPF_PROG(close_x, struct pt_regs *regs, long ret) {
	struct auxiliary_map *auxmap = auxmap__get();
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CLOSE_X);
	auxmap__store_s64_param(auxmap, ret);
	bpf_tail_call(ctx, &extra_tail_table, T1_CLOSE_X);
	return 0;
}
`;

  it('has a glue-free hash equal across changes confined to tail calls', () => {
    const path = 'driver/modern_bpf/programs/close.bpf.c';
    const f = one(PROGRAM_WITH_TAIL_CALL, 'close_x', path);
    const g = one(
      PROGRAM_WITH_TAIL_CALL.replace('&extra_tail_table, T1_CLOSE_X', '&syscall_exit_extra_tail_table, T1_CLOSE_X'),
      'close_x',
      path,
    );
    expect(g.hash).not.toBe(f.hash);
    expect(g.glueFreeHash).toBe(f.glueFreeHash);
    expect(
      one(PROGRAM_WITH_TAIL_CALL.replace('s64_param(auxmap, ret)', 's64_param(auxmap, -ret)'), 'close_x', path)
        .glueFreeHash,
    ).not.toBe(f.glueFreeHash);
  });
});
