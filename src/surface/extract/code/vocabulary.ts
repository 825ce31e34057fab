/**
 * The small vocabulary of primitives that define the driver/userspace boundary in filler and
 * program code (used by boundary.ts and normalise.ts; code roles follow from it through the
 * call graph, surface/code-roles.ts).
 */

/**
 * Writers of a param into the event being built, each driver's own: the kmod's `val_to_ring`
 * and `push_empty_param`, the legacy probe's `__bpf_val_to_ring`, `bpf_val_to_ring*` and
 * `bpf_push_*`, the modern probe's `push__*`, `ringbuf__store_*` and `auxmap__store_*`.
 */
export const PARAM_WRITER =
  /^(val_to_ring|push_empty_param|__bpf_val_to_ring|bpf_val_to_ring\w*|bpf_push_\w+|push__\w+|ringbuf__store_\w+|auxmap(_iter)?__store_\w+)$/;

/** Helpers that write the event header (`ringbuf__store_event_header`, `write_evt_hdr`), not a param. */
export const HEADER_WRITER = /event_header|evt_hdr/;

/** The event header, whose layout the API rules compare (ppm_events_public.h). */
export const HEADER_STRUCT = 'ppm_evt_hdr';

/** Reserving and submitting ring-buffer space, and writing events to a BPF iterator's seq file. */
export const TRANSPORT = new Set([
  'bpf_ringbuf_reserve',
  'bpf_ringbuf_submit',
  'bpf_ringbuf_discard',
  'bpf_ringbuf_output',
  'bpf_perf_event_output',
  'bpf_seq_write',
]);

/** Reading and writing bpf maps. */
export const MAP_ACCESS = new Set([
  'bpf_map_lookup_elem',
  'bpf_map_update_elem',
  'bpf_map_delete_elem',
  'bpf_map_lookup_percpu_elem',
]);

/** A jump to another program through a map slot: dispatch, not a direct call. */
export const TAIL_CALL = 'bpf_tail_call';

/**
 * Calls compiled out of release builds (`bpf_printk` and `bpf_trace_printk` are empty unless
 * BPF_DEBUG, `ASSERT` unless _DEBUG) or that write only to the kernel log (`pr_*`, `printk`).
 * None of them reaches an event.
 */
export const DEBUG_OUTPUT = new Set([
  'bpf_printk',
  'bpf_trace_printk',
  'ASSERT',
  'printk',
  'pr_err',
  'pr_warn',
  'pr_warning',
  'pr_info',
  'pr_notice',
  'pr_debug',
  'pr_devel',
]);

/** Identifiers followed by `(` that are not calls. */
export const NOT_CALLS = new Set([
  'if',
  'while',
  'for',
  'switch',
  'return',
  'sizeof',
  'typeof',
  '__typeof__',
  '_Alignof',
  'defined',
  'asm',
  '__asm__',
  'case',
]);

/** Assignment operators: what a statement that changes state contains. */
export const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<=', '>>=', '++', '--']);
