import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from '../../src/source/scratch.js';
import { listed, resolveCodeRoles } from '../../src/surface/code-roles.js';
import { extractCodeBodies } from '../../src/surface/extract/code-bodies.js';
import { counterFields, type CodeFile, type CodeRole } from '../../src/surface/model.js';
import { demoTree, FIXTURES, surfaceOf } from '../helpers/surface.js';

/** The demo tree with the modern-probe code of fixtures/code (getters, stats, ring buffer, a dispatcher, a program). */
const codeTree = () => ({ ...demoTree(), ...readTree(path.join(FIXTURES, 'code')) });

function rolesOf(code: Record<string, CodeFile>): Record<string, CodeRole | undefined> {
  const out: Record<string, CodeRole | undefined> = {};
  for (const file of Object.values(code)) for (const [name, fn] of Object.entries(file.functions)) out[name] = fn.role;
  return out;
}

describe('code roles (surface/code-roles.ts)', () => {
  it('derives each function of the demo probe code from what it does and its place in the call graph', async () => {
    const s = await surfaceOf(codeTree());
    expect(s.warnings).toEqual([]);
    expect(rolesOf(s.code)).toEqual({
      // Writes params or starts an event: filler code, and what only it calls.
      close_x: 'filler',
      ringbuf__store_s64: 'filler',
      extract__fd: 'filler',
      // Tail calls, bpf maps and probe globals: dispatch; a getter over a getter; what only dispatch calls.
      sys_exit: 'dispatch',
      maps__get_capture_settings: 'dispatch',
      maps__get_counter_map: 'dispatch',
      maps__get_is_dropping: 'dispatch',
      maps__get_snaplen: 'dispatch',
      maps__get_dropping_mode: 'dispatch',
      sampling_logic_exit: 'dispatch',
      extract__syscall_id: 'dispatch',
      // The ring buffer and the header: transport.
      ringbuf__reserve_space: 'transport',
      ringbuf__store_event_header: 'transport',
      ringbuf__submit_event: 'transport',
      // Only counts into the shared counter structs.
      compute_event_types_stats: 'statistics',
    });
  });

  it('makes a helper called by filler code and by dispatch code filler code', async () => {
    const tree = codeTree();
    const exit = 'driver/modern_bpf/programs/attached/dispatchers/syscall_exit.bpf.c';
    tree[exit] = tree[exit]!.replace(
      'uint32_t syscall_id = extract__syscall_id(regs);',
      'uint32_t syscall_id = extract__syscall_id(regs) + extract__fd(regs);',
    );
    const close = 'driver/modern_bpf/programs/tail_called/events/close.bpf.c';
    tree[close] = tree[close]!.replace(
      'ringbuf__store_s64(&ringbuf, ret);',
      'ringbuf__store_s64(&ringbuf, ret + extract__syscall_id(regs));',
    );
    const roles = rolesOf((await surfaceOf(tree)).code);
    expect(roles.extract__syscall_id).toBe('filler');
    expect(roles.extract__fd).toBe('filler');
  });

  it('does not take a function for statistics when its counters are not ones userspace reads', async () => {
    const tree = codeTree();
    const stats = 'driver/modern_bpf/helpers/base/stats.h';
    tree[stats] = tree[stats]!.replace('counter->n_drops_buffer++;', 'counter->n_not_a_counter++;');
    // It takes the role of its caller, the ring-buffer reservation.
    expect(rolesOf((await surfaceOf(tree)).code).compute_event_types_stats).toBe('transport');
  });

  it('makes a program nothing calls a filler when it leaves the writing to a helper', () => {
    const src = `
static __always_inline void submit_connect_enter_event(struct auxiliary_map *auxmap, int64_t fd) {
	auxmap__preload_event_header(auxmap, PPME_SOCKET_CONNECT_E);
	auxmap__store_s64_param(auxmap, fd);
	auxmap__submit_event(auxmap);
}

SEC("tracepoint/syscalls/sys_enter_connect")
int connect_e(struct sys_enter_connect_args *ctx) {
	struct auxiliary_map *auxmap = auxmap__get();
	if(!auxmap) {
		return 0;
	}
	submit_connect_enter_event(auxmap, ctx->fd);
	return 0;
}

static __always_inline struct auxiliary_map *auxmap__get() {
	uint32_t cpu_id = (uint32_t)bpf_get_smp_processor_id();
	return bpf_map_lookup_elem(&auxiliary_maps, &cpu_id);
}
`;
    const path = 'driver/modern_bpf/programs/attached/events/sys_enter_connect.bpf.c';
    const roles = rolesOf(
      resolveCodeRoles({ [path]: extractCodeBodies(path, src) }, { mapNames: new Set(), counters: new Set() }),
    );
    expect(roles).toEqual({ connect_e: 'filler', submit_connect_enter_event: 'filler', auxmap__get: 'dispatch' });
  });

  it('leaves undecided code filler code, and never touches the cached facts', () => {
    const path = 'driver/ppm_fillers.c';
    const file = extractCodeBodies(path, 'static int lonely(int x) {\n\treturn x + 1;\n}\n');
    const out = resolveCodeRoles({ [path]: file }, { mapNames: new Set(), counters: new Set() });
    expect(out[path]!.functions.lonely!.role).toBe('filler');
    expect(file.functions.lonely!.role).toBeUndefined();
  });

  it("makes the kernel module's main.c plumbing: transport, filler code only where it writes params", () => {
    const src = `
static long ppm_ioctl(struct file *f, unsigned int cmd, unsigned long arg) {
	return set_mode(f, arg);
}

static void record_all(ppm_event_code type, struct pt_regs *regs) {
	rcu_read_lock();
	record_one(type, regs);
	rcu_read_unlock();
}

static void record_one(ppm_event_code type, struct pt_regs *regs) {
	struct ppm_evt_hdr *hdr = next_slot();
	hdr->type = type;
}

TRACEPOINT_PROBE(sched_switch_probe, bool preempt, struct task_struct *prev, struct task_struct *next) {
	record_all(PPME_SCHEDSWITCH_6_E, NULL);
}

TRACEPOINT_PROBE(syscall_enter_probe, struct pt_regs *regs, long id) {
	record_all(table_lookup(id), regs);
}
`;
    const path = 'driver/main.c';
    const roles = rolesOf(
      resolveCodeRoles({ [path]: extractCodeBodies(path, src) }, { mapNames: new Set(), counters: new Set() }),
    );
    expect(roles).toEqual({
      // Starts an event without writing its params: carries it; so does what it calls, and
      // an entry point that calls that (no step 4 in a plumbing file).
      sched_switch_probe: 'transport',
      record_all: 'transport',
      syscall_enter_probe: 'transport',
      // Writes the header.
      record_one: 'transport',
      // What nothing decides: the module's control path.
      ppm_ioctl: 'transport',
    });
    // The same undecided function in a filler file is filler code.
    const fillers = 'driver/ppm_fillers.c';
    expect(
      rolesOf(
        resolveCodeRoles({ [fillers]: extractCodeBodies(fillers, src) }, { mapNames: new Set(), counters: new Set() }),
      ).ppm_ioctl,
    ).toBe('filler');
  });

  it('reads calls and globals as lists, and counters from the shared structs', async () => {
    expect(listed('a b')).toEqual(['a', 'b']);
    expect(listed(undefined)).toEqual([]);
    const s = await surfaceOf(codeTree());
    const counters = counterFields(s.structs);
    expect(counters).toContain('n_evts');
    expect(counters).toContain('n_drops_buffer');
    expect(counters).not.toContain('snaplen');
    const getter = s.code['driver/modern_bpf/helpers/base/maps_getters.h']!.functions.maps__get_is_dropping!;
    expect(listed(getter.globals)).toContain('is_dropping');
  });
});
