import type {
  AuditGroup,
  AuditReport,
  AuditVersion,
  AuditWindow,
  CompatReport,
  ReleaseReport,
} from '../history/types.js';
import { BUMP_ORDER, type Finding } from '../rules/types.js';
import { GOVERNS, GOVERNS_ORDER, VERSION_LABEL } from '../vocabulary.js';
import { STATUS_STYLE, styler, verdictStyle, type Style, type Styler } from './style.js';

/** Renderers for `audit`, `release` and `compat`: text for people, JSON for tools. No decisions here. */
export interface HistoryTextOptions {
  color: boolean;
  /** audit: list every group that changed the surface and every window, not only the flagged ones. */
  all?: boolean;
  /** audit: findings shown per group or window before "… and N more". */
  maxFindings?: number;
}

const short = (c: string | null) => (c ? c.slice(0, 12) : '-');

export function renderHistoryJson(report: AuditReport | ReleaseReport | CompatReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function counts(rec: Partial<Record<string, number>>): string {
  const parts = Object.entries(rec).map(([k, n]) => `${k} ${n}`);
  return parts.length ? parts.join(', ') : 'none';
}

function findingLines(findings: Finding[], max: number, indent: string, c: Styler): string[] {
  // What drives the required bump first.
  const rank = (f: Finding) => (f.kind === 'invalid' ? -1 : BUMP_ORDER.length - 1 - BUMP_ORDER.indexOf(f.bump));
  const shown = findings.filter((f) => f.kind !== 'note').sort((a, b) => rank(a) - rank(b));
  const lines = shown
    .slice(0, max)
    .map(
      (f) =>
        `${indent}${f.bump === 'none' ? f.kind : f.bump}: ${f.message}  ${c('dim', `[${f.rule}]${f.location ? ` ${f.location.path}:${f.location.line}` : ''}`)}`,
    );
  if (shown.length > max) lines.push(`${indent}… and ${shown.length - max} more`);
  return lines;
}

/** The warnings block of a history report (nothing when there are none). */
function warningLines(warnings: Array<{ message: string }>, c: Styler): string[] {
  return warnings.length ? ['', c('yellow', 'warnings:'), ...warnings.map((w) => `  ${w.message}`)] : [];
}

function versionCell(v: AuditVersion): string {
  if (v.status === 'ok' && v.declared === 'none' && v.required === 'none') return '-';
  const change = v.base === v.head ? `${v.head ?? '?'}` : `${v.base ?? '?'}→${v.head ?? '?'}`;
  return `${v.status} ${change} (${v.declared}/${v.required})`;
}

function groupLines(g: AuditGroup, opts: HistoryTextOptions, c: Styler): string[] {
  const more = g.commits.length > 1 ? ` (+${g.commits.length - 1} commit${g.commits.length > 2 ? 's' : ''})` : '';
  const lines = [
    `${c('bold', `#${g.index}`)} ${g.date.slice(0, 10)} ${short(g.head)}  ${c(STATUS_STYLE[g.status], g.status.toUpperCase())}  ${g.commits[0]!.subject}${more}`,
  ];
  for (const gov of GOVERNS) {
    const v = g.versions[gov];
    if (v.status === 'ok' && v.declared === 'none' && v.required === 'none') continue;
    lines.push(`    ${VERSION_LABEL[gov].padEnd(15)} ${versionCell(v)}`);
    for (const r of v.reasons) lines.push(`      ${r}`);
    lines.push(
      ...findingLines(
        g.findings.filter((f) => f.governs === gov),
        opts.maxFindings ?? 5,
        '      ',
        c,
      ),
    );
  }
  for (const w of g.warnings) lines.push(`    ${c('yellow', 'warning:')} ${w.message}`);
  return lines;
}

function windowLine(w: AuditWindow, c: Styler): string {
  const from =
    w.from.group === null ? `start (${w.from.version ?? '?'})` : `#${w.from.group} (${w.from.version ?? '?'})`;
  const to = w.open ? 'not bumped yet' : `#${w.to.group} (${w.to.version ?? '?'})`;
  return `${VERSION_LABEL[w.governs].padEnd(15)} ${from} → ${to}  declared ${w.declared}, required ${w.required}  ${c(STATUS_STYLE[w.status], w.status.toUpperCase())}`;
}

export function renderAuditText(r: AuditReport, opts: HistoryTextOptions): string {
  const c = styler(opts.color);
  const s = r.summary;
  const lines: string[] = [
    `driver-semver audit ${r.from.rev} (${short(r.from.commit)}) .. ${r.to.rev} (${short(r.to.commit)})`,
    `${s.commits} first-parent commits in ${s.groups} group${s.groups === 1 ? '' : 's'} (by ${r.grouping}); ${s.surfaceGroups} changed the driver surface; ${s.blobsParsed} distinct blobs parsed`,
    `groups by status: ${counts(s.byStatus)}`,
    ...GOVERNS.map((g) => `${VERSION_LABEL[g]} windows by status: ${counts(s.windows[g])}`),
    '',
  ];
  const groups = r.groups.filter(
    (g) => g.status !== 'ok' || (opts.all && (g.touched.length > 0 || g.findings.length > 0)),
  );
  lines.push(
    opts.all ? 'groups that changed the surface:' : groups.length ? 'flagged groups:' : 'flagged groups: none',
  );
  for (const g of groups) lines.push(...groupLines(g, opts, c));
  lines.push('');
  const windows = r.windows.filter((w) => opts.all || w.status !== 'ok');
  lines.push(
    opts.all
      ? 'windows between bumps:'
      : windows.length
        ? 'windows between bumps that are not ok:'
        : 'windows between bumps: all ok',
  );
  for (const w of windows) {
    lines.push(`  ${windowLine(w, c)}`);
    if (w.status === 'ok') continue;
    for (const reason of w.reasons) lines.push(`    ${reason}`);
    if (w.changedBy.length)
      lines.push(
        `    changed by group${w.changedBy.length > 1 ? 's' : ''} ${w.changedBy.map((i) => `#${i}`).join(', ')}`,
      );
    lines.push(...findingLines(w.findings, opts.maxFindings ?? 5, '    ', c));
  }
  lines.push(...warningLines(r.warnings, c));
  lines.push('', `verdict: ${c(verdictStyle(r.verdict), r.verdict.toUpperCase())}`);
  return `${lines.join('\n')}\n`;
}

export function renderReleaseText(r: ReleaseReport, opts: HistoryTextOptions): string {
  const c = styler(opts.color);
  const lines: string[] = [`driver-semver release ${r.tag.name} (${short(r.tag.commit)})`];
  if (r.previous) {
    const rel = r.previous.ancestor ? 'an ancestor' : 'not an ancestor (a release branch)';
    lines.push(
      `previous tag: ${r.previous.name} (${short(r.previous.commit)}), ${rel}; the two tag commits are compared directly`,
    );
  } else lines.push('previous tag: none (the first driver tag)');
  lines.push('');
  const dv = r.driverVersion;
  lines.push(
    `${c('bold', 'driver number'.padEnd(15))} ${dv.actual.padEnd(22)} ${c(dv.status === 'ok' ? 'green' : 'red', dv.status === 'ok' ? 'OK' : 'WRONG')}`,
  );
  lines.push(`  ${dv.reason}`);
  for (const g of GOVERNS_ORDER) {
    const v = r.versions[g];
    const change =
      v.previous === null ? `${v.tag}` : v.previous === v.tag ? `${v.tag} (unchanged)` : `${v.previous} → ${v.tag}`;
    const style: Style = v.status === 'ok' ? 'green' : 'red';
    lines.push(
      `${c('bold', VERSION_LABEL[g].padEnd(15))} ${change.padEnd(22)} declared ${v.declared.padEnd(5)}  required ${v.required.padEnd(5)}  ${c(style, v.status.toUpperCase())}`,
    );
    for (const reason of v.reasons) lines.push(`  ${reason}`);
    lines.push(
      ...findingLines(
        r.findings.filter((f) => f.governs === g),
        opts.maxFindings ?? 20,
        '  ',
        c,
      ),
    );
  }
  const mins = GOVERNS.map((g) => {
    const m = r.minimums[g];
    return m ? `${g} ${m.version ?? '?'}${m.problems.length ? ' (inconsistent)' : ''}` : `${g} not defined`;
  });
  lines.push(`${c('bold', 'SCAP minimums'.padEnd(15))} ${mins.join(', ')}`);
  for (const g of GOVERNS) for (const p of r.minimums[g]?.problems ?? []) lines.push(`  ${p}`);
  lines.push(...warningLines(r.warnings, c));
  lines.push('', `verdict: ${c(r.verdict === 'accepted' ? 'green' : 'red', r.verdict.toUpperCase())}`);
  if (r.problems.length) for (const p of r.problems) lines.push(`  - ${p}`);
  return `${lines.join('\n')}\n`;
}

export function renderCompatText(r: CompatReport, opts: HistoryTextOptions): string {
  const c = styler(opts.color);
  const req = GOVERNS.map(
    (g) =>
      `${g.toUpperCase()} ${r.checks[g].required} (${r.checks[g].macro}, ${r.checks[g].location.path}:${r.checks[g].location.line})`,
  );
  const lines = [`libscap at ${r.rev.rev} (${short(r.rev.commit)}) requires driver ${req.join(' and ')}`];
  for (const g of GOVERNS) {
    const k = r.checks[g];
    lines.push(
      `${`${g.toUpperCase()} ${k.driver}`.padEnd(18)} ${c(k.accepted ? 'green' : 'red', k.accepted ? 'accepted' : 'refused')}: ${k.reason}`,
    );
  }
  lines.push(
    r.verdict === 'accepted'
      ? `verdict: ${c('green', 'ACCEPTED')} (libscap's scap_open would load this driver)`
      : `verdict: ${c('red', 'REFUSED')} (libscap's scap_open would fail its version check)`,
  );
  return `${lines.join('\n')}\n`;
}
