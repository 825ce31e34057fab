/** Hand-made CheckReports for renderer and action unit tests. */
import type { Finding, Governs } from '../../src/rules/types.js';
import type { CheckReport, VersionVerdict } from '../../src/verdict/types.js';

export const HEAD = 'a'.repeat(40);
export const BASE = 'b'.repeat(40);

export function version(governs: Governs, v: Partial<VersionVerdict> = {}): VersionVerdict {
  const dflt = governs === 'api' ? '3.1.0' : '2.4.0';
  return {
    file: governs === 'api' ? 'driver/API_VERSION' : 'driver/SCHEMA_VERSION',
    base: dflt,
    head: dflt,
    declared: 'none',
    required: 'none',
    suggested: dflt,
    status: 'ok',
    reasons: [],
    fixes: [],
    ...v,
    // The primary status heads the list unless a test gives the list itself.
    statuses: v.statuses ?? [v.status ?? 'ok'],
  };
}

export function finding(f: Partial<Finding> = {}): Finding {
  return {
    rule: 'event-param-appended',
    symbol: 'PPME_SYSCALL_OPEN_X',
    governs: 'schema',
    bump: 'minor',
    kind: 'change',
    message: "PPME_SYSCALL_OPEN_X gains param 4 'mode' (PT_UINT32)",
    location: { path: 'driver/event_table.c', line: 17 },
    ...f,
  };
}

export function report(
  r: Partial<CheckReport> & { schema?: Partial<VersionVerdict>; api?: Partial<VersionVerdict> } = {},
): CheckReport {
  const { schema, api, ...rest } = r;
  return {
    reportVersion: 1,
    base: { rev: BASE, commit: BASE },
    head: { rev: HEAD, commit: HEAD },
    versions: { api: version('api', api), schema: version('schema', schema) },
    findings: [],
    warnings: [],
    verdict: 'pass',
    ignored: [],
    ...rest,
  };
}

/** The demo change: a param appended to an event, SCHEMA_VERSION not bumped. */
export function missingReport(extra: Partial<CheckReport> = {}): CheckReport {
  return report({
    schema: {
      required: 'minor',
      suggested: '2.5.0',
      status: 'missing',
      reasons: ['the changes need a minor bump of SCHEMA_VERSION and none was made'],
      fixes: [{ file: 'driver/SCHEMA_VERSION', line: 1, text: '2.5.0' }],
    },
    findings: [finding()],
    verdict: 'fail',
    ...extra,
  });
}
