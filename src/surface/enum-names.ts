/**
 * The enums of event codes and ppm_sc codes under every name libs gave them: the current
 * typedef name first. Before 420ccfb57 (2023-02) they were `enum ppm_event_type` and
 * `enum ppm_syscall_code`; the values did not change.
 */
export const EVENT_CODE_ENUMS = ['ppm_event_code', 'ppm_event_type'];
export const PPM_SC_ENUMS = ['ppm_sc_code', 'ppm_syscall_code'];

/** `enum ppm_event_type` → `ppm_event_code`: an old spelling of the same type. */
export const OLD_ENUM_SPELLINGS = new Map<string, string>(
  [EVENT_CODE_ENUMS, PPM_SC_ENUMS].flatMap(([current, ...old]) => old.map((o) => [o, current!] as [string, string])),
);
