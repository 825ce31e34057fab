import { BUMP_ORDER, type Finding } from '../rules/types.js';
import type { CheckReport } from '../verdict/types.js';
import { GOVERNS_ORDER } from '../vocabulary.js';
import { describeFix } from './fixes.js';
import { STATUS_STYLE, styler, verdictStyle } from './style.js';

export interface TextOptions {
  color: boolean;
}

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
  const rev = (r: { rev: string; commit: string | null }) =>
    /^[0-9a-f]{40,64}$/.test(r.rev) ? short(r.rev) : `${r.rev} (${short(r.commit)})`;
  lines.push(`driver-semver check ${rev(report.base)} .. ${rev(report.head)}`);
  if (report.baseTip)
    lines.push(
      c('dim', `  compared from the merge-base; ${report.baseTip.rev} is now at ${short(report.baseTip.commit)}`),
    );
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
    for (const bump of [...BUMP_ORDER].reverse()) {
      const group = mine.filter((f) => f.bump === bump);
      if (!group.length) continue;
      lines.push(`  ${bump === 'none' ? 'table problems' : `${bump}:`}`);
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
    for (const f of report.ignored)
      lines.push(
        `  ${f.message}  ${c('dim', `[${f.rule} ${f.symbol}] ${where(f)}`)}`,
        `    reason: ${f.ignore.reason}${f.ignore.expires ? ` (until ${f.ignore.expires})` : ''}`,
      );
    lines.push('');
  }
  if (report.warnings.length) {
    lines.push(c('yellow', 'warnings:'));
    for (const w of report.warnings)
      lines.push(`  ${w.message}${w.incomplete ? ' (not covered by this verdict)' : ''}`);
    lines.push('');
  }
  lines.push(`verdict: ${c(verdictStyle(report.verdict), report.verdict.toUpperCase())}`);
  return `${lines.join('\n')}\n`;
}
