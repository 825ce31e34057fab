import type { Finding, Governs } from '../rules/types.js';
import type { CheckReport, Status, VersionVerdict } from '../verdict/types.js';
import type { AgreementView } from './markdown.js';

/**
 * GitHub workflow-command annotations (`::error file=F,line=L,title=T::message`): they need no
 * token, so they carry the verdict even when the PR comment cannot be posted. Strings from the
 * PR are escaped for the sink (DESIGN.md §5): `%`, CR and LF in the message; also `:` and `,`
 * in properties, so a crafted path or message can neither end the command nor start another.
 */

export type Level = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: Level;
  message: string;
  title?: string;
  file?: string;
  line?: number;
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

const FILE_NAME: Record<Governs, string> = { api: 'API_VERSION', schema: 'SCHEMA_VERSION' };
const FAILING_STATUSES: Status[] = ['missing', 'too-small', 'too-large', 'not-one-step', 'decreased', 'invalid'];

/** Escapes a workflow-command message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One annotation as a workflow command line (without the trailing newline). */
export function renderAnnotation(a: Annotation): string {
  const props: string[] = [];
  if (a.file) props.push(`file=${escapeProperty(a.file)}`);
  if (a.file && a.line && Number.isInteger(a.line) && a.line > 0) props.push(`line=${a.line}`);
  if (a.title) props.push(`title=${escapeProperty(a.title)}`);
  return `::${a.level}${props.length ? ' ' + props.join(',') : ''}::${escapeData(a.message)}`;
}

function failing(governs: Governs, v: VersionVerdict, opts: AnnotationOptions): boolean {
  return opts.failing ? Boolean(opts.failing[governs]) : FAILING_STATUSES.includes(v.status);
}

function versionAnnotation(governs: Governs, v: VersionVerdict, opts: AnnotationOptions): Annotation | null {
  if (v.status === 'ok') return null;
  const fix = v.suggested && v.suggested !== v.head && v.status !== 'unexplained' && v.status !== 'invalid' ? ` Set it to ${v.suggested}.` : '';
  return {
    level: failing(governs, v, opts) ? 'error' : 'warning',
    file: v.file,
    line: 1,
    title: `${v.file}: ${v.status}${v.required !== 'none' ? ` (needs a ${v.required} bump)` : ''}`,
    message: `${v.reasons.join(' ') || `${FILE_NAME[governs]} is ${v.status}.`}${fix}`,
  };
}

function findingAnnotation(f: Finding, report: CheckReport, opts: AnnotationOptions): Annotation {
  const v = report.versions[f.governs];
  const level: Level = f.kind === 'note' ? 'notice' : failing(f.governs, v, opts) ? 'error' : v.status === 'ok' ? 'notice' : 'warning';
  const what = f.kind === 'invalid' ? `${FILE_NAME[f.governs]}: invalid table` : f.kind === 'note' ? 'note' : `${FILE_NAME[f.governs]}: ${f.bump} bump`;
  return {
    level,
    ...(f.location ? { file: f.location.path, line: f.location.line } : {}),
    title: `${what} (${f.rule})`,
    message: f.message,
  };
}

/** A warning's path is `path` or `path @ rev`; only a plain path may name a file. */
function warningFile(p: string): string | undefined {
  const plain = p.split(' @ ')[0]!.trim();
  return plain && !/\s/.test(plain) ? plain : undefined;
}

/** The annotations for a report, most important first, capped per level. */
export function annotationsFor(report: CheckReport, opts: AnnotationOptions = {}): Annotation[] {
  const all: Annotation[] = [];
  for (const g of ['schema', 'api'] as Governs[]) {
    const a = versionAnnotation(g, report.versions[g], opts);
    if (a) all.push(a);
  }
  for (const p of opts.agreement?.problems ?? []) {
    all.push({ level: opts.disagreementFails ? 'error' : 'warning', title: 'PR body /version declaration', message: p });
  }
  for (const f of report.findings) all.push(findingAnnotation(f, report, opts));
  for (const w of report.warnings) {
    const file = warningFile(w.path);
    all.push({
      level: 'warning',
      ...(file ? { file } : {}),
      title: w.incomplete ? 'driver-semver could not analyse this' : 'driver-semver warning',
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
      out.push({ level, title: 'driver-semver', message: `${more} more ${level} annotations: see the job summary or the JSON report.` });
    }
  }
  return out;
}

/** The annotations as workflow-command lines, ready to print on stdout one per line. */
export function renderAnnotations(report: CheckReport, opts: AnnotationOptions = {}): string[] {
  return annotationsFor(report, opts).map(renderAnnotation);
}
