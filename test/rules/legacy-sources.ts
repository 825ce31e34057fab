/**
 * Older spellings of the demo driver's tables and enums, written for these tests: the same
 * surface as fixtures/demo/base, in the syntax libs used before the designated g_event_info
 * (2023) and before the PPM_SC_FIELDS X-macro (2022).
 */

/** One positional g_event_info entry per event code, in code order; `comments` are the `/* PPME_* *\/` labels. */
export function positionalEventTable(comments: string[] = POSITIONAL_LABELS): string {
  const entries = POSITIONAL_ENTRIES.map((entry, i) => `\t/* ${comments[i]} */ ${entry}`);
  return [
    '/* Demo event table in the old positional form: entry i describes event code i. */',
    '#include "ppm_events_public.h"',
    '',
    'const struct ppm_event_info g_event_info[PPM_EVENT_MAX] = {',
    entries.join(',\n'),
    '};',
    '',
  ].join('\n');
}

export const POSITIONAL_LABELS = [
  'PPME_GENERIC_E',
  'PPME_GENERIC_X',
  'PPME_SYSCALL_OPEN_E',
  'PPME_SYSCALL_OPEN_X',
  'PPME_SYSCALL_CLOSE_E',
  'PPME_SYSCALL_CLOSE_X',
  'PPME_SYSCALL_READ_E',
  'PPME_SYSCALL_READ_X',
  'PPME_SOCKET_SETSOCKOPT_E',
  'PPME_SOCKET_SETSOCKOPT_X',
];

const POSITIONAL_ENTRIES = [
  '{"syscall", EC_OTHER | EC_SYSCALL, EF_OLD_VERSION, 2, { {"ID", PT_SYSCALLID, PF_DEC}, {"nativeID", PT_UINT32, PF_DEC} } }',
  '{"syscall", EC_OTHER | EC_SYSCALL, EF_NONE, 2, { {"ID", PT_SYSCALLID, PF_DEC}, {"nativeID", PT_UINT32, PF_DEC} } }',
  '{"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION, 0}',
  '{"open", EC_FILE | EC_SYSCALL, EF_CREATES_FD | EF_MODIFIES_STATE, 3, { {"fd", PT_FD, PF_DEC}, {"name", PT_FSPATH, PF_NA}, {"flags", PT_FLAGS32, PF_HEX, file_flags} } }',
  '{"close", EC_IO_OTHER | EC_SYSCALL, EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE | EF_OLD_VERSION, 0}',
  '{"close", EC_IO_OTHER | EC_SYSCALL, EF_DESTROYS_FD | EF_USES_FD | EF_MODIFIES_STATE, 2, { {"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC} } }',
  '{"read", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD | EF_OLD_VERSION, 0}',
  '{"read", EC_IO_READ | EC_SYSCALL, EF_USES_FD | EF_READS_FROM_FD, 3, { {"res", PT_ERRNO, PF_DEC}, {"data", PT_BYTEBUF, PF_NA}, {"fd", PT_FD, PF_DEC} } }',
  '{"setsockopt", EC_NET | EC_SYSCALL, EF_OLD_VERSION, 0}',
  '{"setsockopt", EC_NET | EC_SYSCALL, EF_USES_FD, 3, { {"res", PT_ERRNO, PF_DEC}, {"fd", PT_FD, PF_DEC}, {"optval", PT_DYN, PF_NA, sockopt_dynamic_param, PPM_SOCKOPT_IDX_MAX} } }',
];

/** The demo header's `typedef enum {...} ppm_event_code;` block, as it is in fixtures/demo/base. */
export const TYPEDEF_EVENT_CODES = `typedef enum {
	PPME_GENERIC_E = 0,
	PPME_GENERIC_X = 1,
	PPME_SYSCALL_OPEN_E = 2,
	PPME_SYSCALL_OPEN_X = 3,
	PPME_SYSCALL_CLOSE_E = 4,
	PPME_SYSCALL_CLOSE_X = 5,
	PPME_SYSCALL_READ_E = 6,
	PPME_SYSCALL_READ_X = 7,
	PPME_SOCKET_SETSOCKOPT_E = 8,
	PPME_SOCKET_SETSOCKOPT_X = 9,
	PPM_EVENT_MAX = 10
} ppm_event_code;`;

/** The same codes as the old tagged enum, with implicit values after the first. */
export const ENUM_EVENT_TYPE = `enum ppm_event_type {
	PPME_GENERIC_E = 0,
	PPME_GENERIC_X,
	PPME_SYSCALL_OPEN_E,
	PPME_SYSCALL_OPEN_X,
	PPME_SYSCALL_CLOSE_E,
	PPME_SYSCALL_CLOSE_X,
	PPME_SYSCALL_READ_E,
	PPME_SYSCALL_READ_X,
	PPME_SOCKET_SETSOCKOPT_E,
	PPME_SOCKET_SETSOCKOPT_X,
	PPM_EVENT_MAX
};`;

/** The demo header's X-macro ppm_sc block, as it is in fixtures/demo/base. */
export const XMACRO_PPM_SC = `#define PPM_SC_FIELDS          \\
	PPM_SC_X(UNKNOWN, 0)       \\
	PPM_SC_X(OPEN, 1)          \\
	PPM_SC_X(CLOSE, 2)         \\
	/*PPM_SC_X(NA_1, 3)*/      \\
	PPM_SC_X(READ, 4)          \\
	PPM_SC_X(SETSOCKOPT, 5)

typedef enum {
#define PPM_SC_X(name, value) PPM_SC_##name = (value),
	PPM_SC_FIELDS
#undef PPM_SC_X
	PPM_SC_MAX,
} ppm_sc_code;`;

/** The same codes as the old plain enum (number 3 was simply never used). */
export const ENUM_SYSCALL_CODE = `enum ppm_syscall_code {
	PPM_SC_UNKNOWN = 0,
	PPM_SC_OPEN = 1,
	PPM_SC_CLOSE = 2,
	PPM_SC_READ = 4,
	PPM_SC_SETSOCKOPT,
	PPM_SC_MAX
};`;
