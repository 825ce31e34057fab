/**
 * Which files of a libs tree make up the driver surface. Paths outside this list are never
 * read; `modern_bpf/definitions/*​/vmlinux.h` (11 MB of kernel type dumps) in particular.
 */
export const VERSION_FILES = { api: 'driver/API_VERSION', schema: 'driver/SCHEMA_VERSION' } as const;

/** Directories listed from git at each revision (one ls-tree per revision). */
export const SURFACE_PREFIXES = ['driver', 'userspace/libscap/scap.h'];

/** C files the extractors read. */
export const SURFACE_C_FILES: RegExp[] = [
  /^driver\/ppm_events_public\.h$/,
  /^driver\/event_table\.c$/,
  /^driver\/flags_table\.c$/,
  /^driver\/dynamic_params_table\.c$/,
  /^userspace\/libscap\/scap\.h$/,
];
