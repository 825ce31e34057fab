/**
 * The structs userspace reads or writes across the boundary (docs/driver-surface.md, Shared
 * structs): their layout is API. Configuration can add more (`sharedStructs` in the config file).
 */
export interface SharedStruct {
  name: string;
  /** Why userspace depends on its layout, for messages. */
  why: string;
  /** Only ABI while the legacy eBPF probe (driver/bpf/) exists: it received these tables from userspace. */
  legacyOnly?: boolean;
  /** A struct of the modern probe, which is built into libpman (see the modernProbe setting). */
  modernProbe?: boolean;
}

export const DEFAULT_SHARED_STRUCTS: SharedStruct[] = [
  { name: 'ppm_evt_hdr', why: 'the header of every event on the wire' },
  { name: 'ppm_ring_buffer_info', why: 'mmapped by userspace from the kmod device' },
  { name: 'ppm_proclist_info', why: 'filled by PPM_IOCTL_GET_PROCLIST' },
  { name: 'ppm_proc_info', why: 'entries of PPM_IOCTL_GET_PROCLIST' },
  { name: 'capture_settings', modernProbe: true, why: 'the modern probe settings map, written by libpman' },
  { name: 'counter_map', modernProbe: true, why: 'modern probe stats read by libpman' },
  { name: 'iter_counters', modernProbe: true, why: 'modern probe iterator stats read by libpman' },
  { name: 'auxiliary_map', modernProbe: true, why: 'modern probe per-CPU map sized by libpman' },
  { name: 'scap_bpf_settings', why: 'the legacy probe settings map, written by libscap', legacyOnly: true },
  { name: 'scap_bpf_per_cpu_state', why: 'legacy probe stats read by libscap', legacyOnly: true },
  { name: 'ppm_event_info', why: 'g_event_info, pushed by libscap into the legacy probe', legacyOnly: true },
  { name: 'ppm_param_info', why: 'inside ppm_event_info, pushed into the legacy probe', legacyOnly: true },
  { name: 'syscall_evt_pair', why: 'g_syscall_table, pushed by libscap into the legacy probe', legacyOnly: true },
  { name: 'ppm_event_entry', why: 'g_ppm_events (fillers table), pushed into the legacy probe', legacyOnly: true },
  { name: 'ppm_autofill_arg', why: 'inside ppm_event_entry, pushed into the legacy probe', legacyOnly: true },
];

/** Names of the modern probe's shared structs. */
export const MODERN_PROBE_STRUCTS = new Set(DEFAULT_SHARED_STRUCTS.filter((s) => s.modernProbe).map((s) => s.name));
