import type { Finding } from '../rules/types.js';
import type { CheckReport, VersionVerdict } from '../verdict/types.js';
import { GOVERNS_ORDER } from '../vocabulary.js';
import { describeFix } from './fixes.js';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 } as const;
type Style = keyof typeof CODES;

function styler(color: boolean) {
  return (style: Style, s: string) => (color ? `\x1b[${CODES[style]}m${s}\x1b[0m` : s);
}

const STATUS_STYLE: Record<VersionVerdict['status'], Style> = {
  ok: 'green', unexplained: 'yellow', missing: 'red', 'too-small': 'red', 'too-large': 'red',
  'not-one-step': 'red', decreased: 'red', invalid: 'red',
};

function short(commit: string | null): string {
  return commit ? commit.slice(0, 12) : 'work tree';
}

function where(f: Finding): string {
  return f.location ? `${f.location.path}:${f.location.line}` : '';
}

/** The terminal report: verdict per version file, the findings that drive it, what to do. */
export function renderText(report: CheckReport, opts: TextOptions): string {
  const c = styler(opts.color);
  const lines: string[] = [];
  // A revision given as a full commit id is shown once, abbreviated.
  const rev = (r: { rev: string; commit: string | null }) => (/^[0-9a-f]{40,64}$/.test(r.rev) ? short(r.rev) : `${r.rev} (${short(r.commit)})`);
  lines.push(`driver-semver check ${rev(report.base)} .. ${rev(report.head)}`);
  if (report.baseTip) lines.push(c('dim', `  compared from the merge-base; ${report.baseTip.rev} is now at ${short(report.baseTip.commit)}`));
  lines.push('');
  for (const governs of GOVERNS_ORDER) {
    const v = report.versions[governs];
    const change = v.base === v.head ? `${v.head ?? '?'} (unchanged)` : `${v.base ?? '?'} → ${v.head ?? '?'}`;
    lines.push(
      `${c('bold', v.file.padEnd(22))} ${change.padEnd(22)} declared ${v.declared.padEnd(5)}  required ${v.required.padEnd(5)}  ${v.statuses.map((s) => c(STATUS_STYLE[s], s.toUpperCase())).join(' ')}`,
    );
    for (const r of v.reasons) lines.push(`  ${r}`);
    for (const f of v.fixes) lines.push(`  ${c('bold', 'fix:')} ${describeFix(f)}`);
    const mine = report.findings.filter((f) => f.governs === governs && f.kind !== 'note');
    for (const bump of ['major', 'minor', 'patch', 'none'] as const) {
      const group = mine.filter((f) => f.bump === bump);
      if (!group.length) continue;
      lines.push(`  ${bump === 'none' ? 'table problems' : bump + ':'}`);
      for (const f of group) lines.push(`    ${f.message}  ${c('dim', `[${f.rule}] ${where(f)}`)}`);
    }
    lines.push('');
  }
  const notes = report.findings.filter((f) => f.kind === 'note');
  if (notes.length) {
    lines.push('notes:');
    for (const f of notes) lines.push(`  ${f.message}  ${c('dim', `[${f.rule}] ${where(f)}`)}`);
    lines.push('');
  }
  if (report.ignored.length) {
    lines.push(`ignored by the configuration${report.config ? ` (${report.config})` : ''}:`);
    for (const f of report.ignored) lines.push(`  ${f.message}  ${c('dim', `[${f.rule} ${f.symbol}] ${where(f)}`)}`, `    reason: ${f.ignore.reason}${f.ignore.expires ? ` (until ${f.ignore.expires})` : ''}`);
    lines.push('');
  }
  if (report.warnings.length) {
    lines.push(c('yellow', 'warnings:'));
    for (const w of report.warnings) lines.push(`  ${w.message}${w.incomplete ? ' (not covered by this verdict)' : ''}`);
    lines.push('');
  }
  const verdictStyle: Style = report.verdict === 'pass' ? 'green' : report.verdict === 'warn' ? 'yellow' : 'red';
  lines.push(`verdict: ${c(verdictStyle, report.verdict.toUpperCase())}`);
  return lines.join('\n') + '\n';
}
