import { describe, expect, it } from 'vitest';
import type { AuditReport, AuditVersion } from '../../src/history/types.js';
import { renderAuditText } from '../../src/report/history-text.js';
import type { Finding } from '../../src/rules/types.js';

const finding = (bump: Finding['bump'], message: string): Finding => ({
  symbol: 'PPME_X',
  rule: `r-${bump}`,
  governs: 'schema',
  bump,
  kind: 'change',
  message,
  location: { path: 'driver/event_table.c', line: 1 },
});
const quiet: AuditVersion = {
  file: 'driver/API_VERSION',
  base: '1.0.0',
  head: '1.0.0',
  declared: 'none',
  required: 'none',
  status: 'ok',
  reasons: [],
};

function report(findings: Finding[]): AuditReport {
  return {
    reportVersion: 1,
    command: 'audit',
    from: { rev: 'a', commit: 'a'.repeat(40) },
    to: { rev: 'b', commit: 'b'.repeat(40) },
    start: 'a'.repeat(40),
    grouping: 'committer-date',
    summary: {
      commits: 1,
      groups: 1,
      surfaceGroups: 1,
      flagged: 1,
      byStatus: { missing: 1 },
      windows: { api: {}, schema: {} },
      blobsParsed: 1,
      workers: 0,
      parsedInWorkers: 0,
    },
    groups: [
      {
        index: 1,
        date: '2024-01-01T00:00:00Z',
        commits: [{ commit: 'c'.repeat(40), subject: 'change' }],
        base: 'a'.repeat(40),
        head: 'c'.repeat(40),
        touched: ['driver/event_table.c'],
        versions: {
          api: quiet,
          schema: {
            ...quiet,
            file: 'driver/SCHEMA_VERSION',
            required: 'major',
            status: 'missing',
            reasons: ['needs major'],
          },
        },
        findings,
        warnings: [],
        status: 'missing',
      },
    ],
    windows: [],
    warnings: [],
    verdict: 'fail',
  };
}

describe('audit text', () => {
  it('lists the findings that drive the bump first, and caps them', () => {
    const many = [
      finding('minor', 'm1'),
      finding('patch', 'p1'),
      finding('major', 'M1'),
      ...Array.from({ length: 5 }, (_, i) => finding('minor', `m${i + 2}`)),
    ];
    const text = renderAuditText(report(many), { color: false, maxFindings: 3 });
    expect(text).toMatch(/needs major\n {6}major: M1 .*\n {6}minor: m1 .*\n {6}minor: m2 .*\n {6}… and 5 more\n/);
  });

  it('colours statuses only when asked', () => {
    expect(renderAuditText(report([]), { color: true })).toMatch(/\x1b\[31mMISSING\x1b\[0m/);
    expect(renderAuditText(report([]), { color: false })).not.toMatch(/\x1b/);
  });
});
