import type { Finding, Governs } from '../rules/types.js';
import type { CheckReport, VersionVerdict } from '../verdict/types.js';
import { GOVERNS_ORDER, isFailingStatus, VERSION_LABEL } from '../vocabulary.js';
import { describeFix } from './fixes.js';
import type { AgreementView } from './markdown.js';

/**
 * Which GitHub annotations a report gets: a pure decision. The action emits them through
 * @actions/core (core.error/warning/notice), which escapes messages and properties for the
 * workflow-command sink. They need no token, so they carry the verdict even when the PR
 * comment cannot be posted.
 */

export type Level = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: Level;
  message: string;
  /** As @actions/core's AnnotationProperties. */
  properties: { title?: string; file?: string; startLine?: number };
}

export interface AnnotationOptions {
  /** Versions whose status fails the check (the action's fail-on): their annotations are errors. Default: the statuses that fail `check`. */
  failing?: Partial<Record<Governs, boolean>>;
  agreement?: AgreementView;
  /** Whether a PR-body disagreement fails the check (error rather than warning). */
  disagreementFails?: boolean;
  /**
   * GitHub shows at most 10 annotations of each level per step; past this many, the last shown
   * one says how many more there are. Default 10.
   */
  maxPerLevel?: number;
}

function failing(governs: Governs, v: VersionVerdict, opts: AnnotationOptions): boolean {
  return opts.failing ? Boolean(opts.failing[governs]) : isFailingStatus(v.status);
}

function versionAnnotation(governs: Governs, v: VersionVerdict, opts: AnnotationOptions): Annotation | null {
  if (v.status === 'ok') return null;
  const fixes = v.fixes.map((f) => ` Fix: ${describeFix(f)}.`).join('');
  return {
    level: failing(governs, v, opts) ? 'error' : 'warning',
    properties: {
      file: v.file,
      startLine: 1,
      title: `${v.file}: ${v.statuses.join(', ')}${v.required !== 'none' ? ` (needs a ${v.required} bump)` : ''}`,
    },
    message: `${v.reasons.join(' ') || `${VERSION_LABEL[governs]} is ${v.status}.`}${fixes}`,
  };
}

function findingAnnotation(f: Finding, report: CheckReport, opts: AnnotationOptions): Annotation {
  const v = report.versions[f.governs];
  const level: Level =
    f.kind === 'note' ? 'notice' : failing(f.governs, v, opts) ? 'error' : v.status === 'ok' ? 'notice' : 'warning';
  const what =
    f.kind === 'invalid'
      ? `${VERSION_LABEL[f.governs]}: invalid table`
      : f.kind === 'note'
        ? 'note'
        : `${VERSION_LABEL[f.governs]}: ${f.bump} bump`;
  const where =
    f.location && Number.isInteger(f.location.line) && f.location.line > 0
      ? { file: f.location.path, startLine: f.location.line }
      : f.location
        ? { file: f.location.path }
        : {};
  return { level, properties: { ...where, title: `${what} (${f.rule})` }, message: f.message };
}

/** A warning's path is `path` or `path @ rev`; only a plain path may name a file. */
function warningFile(p: string): string | undefined {
  const plain = p.split(' @ ')[0]!.trim();
  return plain && !/\s/.test(plain) ? plain : undefined;
}

/** The annotations for a report, most important first, capped per level. */
export function annotationsFor(report: CheckReport, opts: AnnotationOptions = {}): Annotation[] {
  const all: Annotation[] = [];
  for (const g of GOVERNS_ORDER) {
    const a = versionAnnotation(g, report.versions[g], opts);
    if (a) all.push(a);
  }
  for (const p of opts.agreement?.problems ?? []) {
    all.push({
      level: opts.disagreementFails ? 'error' : 'warning',
      properties: { title: 'PR body /version declaration' },
      message: p,
    });
  }
  for (const f of report.findings) all.push(findingAnnotation(f, report, opts));
  for (const w of report.warnings) {
    const file = warningFile(w.path);
    all.push({
      level: 'warning',
      properties: {
        ...(file ? { file } : {}),
        title: w.incomplete ? 'driver-semver could not analyse this' : 'driver-semver warning',
      },
      message: w.message,
    });
  }
  const max = Math.max(1, opts.maxPerLevel ?? 10);
  const out: Annotation[] = [];
  for (const level of ['error', 'warning', 'notice'] as Level[]) {
    const mine = all.filter((a) => a.level === level);
    if (mine.length <= max) out.push(...mine);
    else {
      out.push(...mine.slice(0, max - 1));
      const more = mine.length - (max - 1);
      out.push({
        level,
        properties: { title: 'driver-semver' },
        message: `${more} more ${level} annotations: see the job summary or the JSON report.`,
      });
    }
  }
  return out;
}
