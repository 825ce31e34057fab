import { BUMP_ORDER, type Bump, type Finding, type Governs } from '../rules/types.js';
import type { CheckReport, Fix, Status, VersionVerdict } from '../verdict/types.js';
import { GOVERNS_ORDER, isFailingStatus, VERSION_LABEL } from '../vocabulary.js';

/**
 * GitHub markdown for the sticky PR comment and the job summary (one renderer for both).
 *
 * Every string that can come from a pull request (finding messages carry C identifiers, paths
 * carry file names, version files carry whatever their first line holds) goes through
 * `escapeMarkdown` or `codeSpan` (README: Untrusted input): it cannot open raw HTML, forge the hidden marker, break a
 * table, start a code block or @-mention anyone. Only this file's own template is markup.
 */

/** Hidden marker that identifies the sticky PR comment (the first line of its body). */
export const COMMENT_MARKER = '<!-- driver-semver:sticky-comment -->';

/** Hidden marker of the review comments that carry a one-click version fix. */
export const SUGGESTION_MARKER = '<!-- driver-semver:version-suggestion -->';

/**
 * The three-way agreement between what the PR body declares (`/version driver-SCHEMA-version-minor`),
 * what the version files did, and what the changes need. Computed by the action, shown here.
 */
export interface AgreementView {
  /** False when the PR body states nothing about driver versions (no template section, no /version line). */
  stated: boolean;
  versions: Record<Governs, { body: Bump | null; file: Bump; detected: Bump; agree: boolean }>;
  /** One sentence per disagreement. */
  problems: string[];
}

export interface MarkdownOptions {
  /** Repository web URL (https://github.com/OWNER/REPO): findings link to their line at the head commit. */
  repoUrl?: string;
  /** Start with the hidden sticky-comment marker (the PR comment; not the job summary). */
  marker?: boolean;
  /** The PR-body agreement, on pull requests. */
  agreement?: AgreementView;
  /** Versions whose status fails the check (the action's fail-on); default: the statuses that fail `check`. */
  failing?: Partial<Record<Governs, boolean>>;
  /** Whether the PR-body disagreement fails the check (fail-on); shown in the headline. */
  disagreementFails?: boolean;
  /** Most findings listed before "and N more" (a PR comment is limited to 65,536 characters). Default 200. */
  maxFindings?: number;
  /** Link to the workflow run, for the footer. */
  runUrl?: string;
}

const STATUS_LABEL: Record<Status, string> = {
  ok: '✅ ok',
  unexplained: '⚠️ unexplained',
  missing: '❌ missing',
  'too-small': '❌ too small',
  'too-large': '❌ too large',
  'not-one-step': '❌ not one step',
  decreased: '❌ decreased',
  invalid: '❌ invalid',
};

/**
 * Escapes untrusted text for GitHub markdown, in running text, link text and table cells:
 * line breaks become spaces, every ASCII punctuation character is backslash-escaped (so no
 * emphasis, link, code span, table pipe, raw HTML, HTML comment or entity can start), and `@`
 * is followed by a zero-width space so no user or team is mentioned.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[!-/:-@[-`{-~]/g, (ch) => (ch === '@' ? '@&#8203;' : `\\${ch}`));
}

/**
 * A code span holding any text: line breaks become spaces, and the fence is one backtick longer
 * than the longest run inside (padded with a space when the text starts or ends with a
 * backtick), so nothing inside can close it. Inside a code span markdown, HTML (`<!--`) and
 * @-mentions are inert. Not for table cells, where a `|` would still split the cell.
 */
export function codeSpan(s: string): string {
  const t = s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  const fence = '`'.repeat(Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  // CommonMark strips one space from each side when both are there: pad so the text survives.
  const pad = /^[` ]|[` ]$/.test(t) || t === '' ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * A message from a rule, for running text: C identifiers (any word with an underscore), quoted
 * names and file paths become code spans, the rest is escaped text.
 */
export function renderMessage(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(/'([^'\r\n]*)'|([\w.-]*\/[\w./-]*)|([A-Za-z_]\w*)/g)) {
    const [whole, quoted, path, word] = m;
    if (word !== undefined && !word.includes('_')) continue;
    out += escapeMarkdown(s.slice(last, m.index)) + codeSpan(quoted ?? path ?? word!);
    last = m.index! + whole.length;
  }
  return out + escapeMarkdown(s.slice(last));
}

/** A code span for trusted-looking tokens (versions, rule ids, plain paths); anything else is escaped text. Safe in table cells. */
export function code(s: string): string {
  return /^[A-Za-z0-9._/+-]+$/.test(s) ? `\`${s}\`` : escapeMarkdown(s);
}

/** A line that may stand alone in a fenced code block: printable, no backtick, no line break. */
function fenceSafe(s: string | null): s is string {
  return s !== null && /^[ -_a-~]{1,200}$/.test(s);
}

/** A fix as a step: what to set, then the exact line in a code block. */
function fixStep(f: Fix, why: string): string[] {
  const head =
    f.line === 1 && /(^|\/)(API|SCHEMA)_VERSION$/.test(f.file)
      ? `Set ${code(f.file)} to ${code(f.text)}${why}. Its first line should read:`
      : `Set line ${f.line} of ${code(f.file)}${why} to:`;
  return [`- ${head}`, ...(fenceSafe(f.text) ? ['', '  ```', `  ${f.text}`, '  ```', ''] : [])];
}

/** Percent-encodes a path for a URL, including the characters markdown link syntax would trip on. */
function encodePath(p: string): string {
  return p
    .split('/')
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** https://github.com/OWNER/REPO/blob/COMMIT/path#Lline */
export function blobUrl(repoUrl: string, commit: string, path: string, line: number | null): string {
  return `${repoUrl.replace(/\/+$/, '')}/blob/${commit}/${encodePath(path)}${line ? `#L${line}` : ''}`;
}

function isCommit(s: string | null | undefined): s is string {
  return typeof s === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s);
}

function whereLink(f: Finding, report: CheckReport, opts: MarkdownOptions): string {
  if (!f.location) return '';
  const text = codeSpan(`${f.location.path}:${f.location.line}`);
  const commit = report.head.commit;
  if (!opts.repoUrl || !isCommit(commit)) return text;
  return `[${text}](${blobUrl(opts.repoUrl, commit, f.location.path, f.location.line)})`;
}

function versionChange(v: VersionVerdict): string {
  const show = (s: string | null) => (s === null ? '?' : code(s));
  if (v.base === v.head) return `${show(v.head)} (unchanged)`;
  return `${show(v.base)} → ${show(v.head)}`;
}

function bumpWord(b: Bump): string {
  return b === 'none' ? 'none' : `**${b}**`;
}

function isFailing(governs: Governs, v: VersionVerdict, opts: MarkdownOptions): boolean {
  return opts.failing ? Boolean(opts.failing[governs]) : isFailingStatus(v.status);
}

/** The libs PR template's declaration line for a bump. */
export function declarationLine(governs: Governs, bump: Bump): string {
  return `/version driver-${governs.toUpperCase()}-version-${bump}`;
}

function headline(report: CheckReport, opts: MarkdownOptions): string {
  const failing = GOVERNS_ORDER.some((g) => isFailing(g, report.versions[g], opts));
  const disagree = Boolean(opts.agreement?.problems.length);
  const what = GOVERNS_ORDER.filter((g) => report.versions[g].status !== 'ok').map((g) => VERSION_LABEL[g]);
  const attention = `${what.join(' and ')} ${what.length > 1 ? 'need' : 'needs'} attention`;
  if (failing || (disagree && opts.disagreementFails)) {
    return `### ❌ driver-semver: ${what.length ? attention : 'the PR body disagrees with the changes'}`;
  }
  // Not failing the check (fail-on), but still worth a look.
  if (what.length) return `### ⚠️ driver-semver: ${attention}`;
  if (report.verdict !== 'pass' || disagree)
    return '### ⚠️ driver-semver: the driver versions look right, with warnings';
  return '### ✅ driver-semver: the driver versions match the changes';
}

function versionTable(report: CheckReport): string[] {
  const rows = [
    '| Version file | Base → head | Declared | Required | Suggested | Status |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const g of GOVERNS_ORDER) {
    const v = report.versions[g];
    rows.push(
      `| ${code(v.file)} | ${versionChange(v)} | ${bumpWord(v.declared)} | ${bumpWord(v.required)} | ${v.suggested ? code(v.suggested) : '?'} | ${v.statuses.map((x) => STATUS_LABEL[x]).join(', ')} |`,
    );
  }
  return rows;
}

function todo(report: CheckReport, opts: MarkdownOptions): string[] {
  const out: string[] = [];
  for (const g of GOVERNS_ORDER) {
    const v = report.versions[g];
    const file = code(v.file);
    if (v.status === 'ok' && v.baseTip && v.suggested && v.head !== v.suggested) {
      out.push(
        `- The base branch moved ${file} to ${code(v.baseTip)} since this branch forked: rebase, then set it to ${code(v.suggested)}.`,
      );
    }
    if (v.statuses.includes('invalid'))
      out.push(`- Fix ${file}: ${v.reasons.map(renderMessage).join(' ') || 'it cannot be read'}`);
    if (v.status === 'unexplained') {
      out.push(
        `- ${file} was bumped (${v.declared}) but driver-semver found no ${g} change: keep the bump if it is for a change driver-semver does not model (say which in the PR), or set it back to ${code(v.suggested ?? v.base ?? '?')}.`,
      );
    }
    const need = v.required === 'none' ? 'no bump is needed' : `the changes need a ${v.required} bump`;
    const from = v.baseTip
      ? `, starting from ${code(v.baseTip)} on the base branch`
      : v.base
        ? ` from ${code(v.base)}`
        : '';
    for (const f of v.fixes)
      out.push(
        ...fixStep(
          f,
          f.file === v.file
            ? ` (${need}${from})`
            : ` (libscap accepts only a driver whose ${VERSION_LABEL[g]} major equals this minimum's)`,
        ),
      );
  }
  const a = opts.agreement;
  if (a) {
    for (const g of GOVERNS_ORDER) {
      const x = a.versions[g];
      if (!a.stated) {
        if (x.detected !== 'none') out.push(`- Declare it in the PR body: \`${declarationLine(g, x.detected)}\``);
      } else if (x.body !== x.detected) {
        out.push(
          x.detected === 'none'
            ? `- In the PR body, remove \`${declarationLine(g, x.body ?? 'none')}\`: no ${VERSION_LABEL[g]} bump is needed.`
            : `- In the PR body, declare \`${declarationLine(g, x.detected)}\`${x.body && x.body !== 'none' ? ` instead of \`${declarationLine(g, x.body)}\`` : ''}.`,
        );
      }
    }
  }
  return out;
}

function agreementTable(a: AgreementView): string[] {
  const bump = (b: Bump | null) => (b === null ? '—' : b);
  const rows = [
    '| Version | PR body | Version file | Detected | |',
    '| --- | --- | --- | --- | --- |',
    ...GOVERNS_ORDER.map((g) => {
      const x = a.versions[g];
      return `| ${VERSION_LABEL[g]} | ${a.stated ? bump(x.body) : 'not declared'} | ${x.file} | ${x.detected} | ${x.agree ? '✅' : '⚠️'} |`;
    }),
  ];
  return rows;
}

function findingLine(f: Finding, report: CheckReport, opts: MarkdownOptions): string {
  const where = whereLink(f, report, opts);
  return `- ${where ? `${where} ` : ''}${renderMessage(f.message)} (${code(f.rule)})`;
}

/** Renders the report as GitHub markdown (PR comment or job summary). */
export function renderMarkdown(report: CheckReport, opts: MarkdownOptions = {}): string {
  const max = opts.maxFindings ?? 200;
  const lines: string[] = [];
  if (opts.marker) lines.push(COMMENT_MARKER);
  lines.push(headline(report, opts), '');
  lines.push(...versionTable(report), '');

  const reasons = GOVERNS_ORDER.flatMap((g) =>
    report.versions[g].reasons.map((r) => `- ${VERSION_LABEL[g]}: ${renderMessage(r)}`),
  );
  if (reasons.length) lines.push(...reasons, '');

  if (opts.agreement && (opts.agreement.problems.length || opts.agreement.stated)) {
    lines.push('#### PR body, version files and changes', '');
    lines.push(...agreementTable(opts.agreement), '');
    for (const p of opts.agreement.problems) lines.push(`- ⚠️ ${renderMessage(p)}`);
    if (opts.agreement.problems.length) lines.push('');
  }

  const steps = todo(report, opts);
  lines.push('#### What to do', '');
  lines.push(...(steps.length ? steps : ['Nothing: the version files match the driver changes.']), '');

  let shown = 0;
  let hidden = 0;
  const changes = report.findings.filter((f) => f.kind !== 'note');
  if (changes.length) {
    lines.push('#### Findings', '');
    for (const g of GOVERNS_ORDER) {
      const mine = changes.filter((f) => f.governs === g);
      for (const bump of [...BUMP_ORDER].reverse()) {
        const group = mine.filter((f) => f.bump === bump);
        if (!group.length) continue;
        const title = bump === 'none' ? 'table problems' : `${bump} bump`;
        lines.push(`**${VERSION_LABEL[g]}: ${title}** (${group.length})`, '');
        for (const f of group) {
          if (shown < max) {
            lines.push(findingLine(f, report, opts));
            shown++;
          } else hidden++;
        }
        lines.push('');
      }
    }
  }
  const notes = report.findings.filter((f) => f.kind === 'note');
  if (notes.length) {
    lines.push('<details><summary>Notes (informative, no bump)</summary>', '');
    for (const f of notes) {
      if (shown < max) {
        lines.push(findingLine(f, report, opts));
        shown++;
      } else hidden++;
    }
    lines.push('', '</details>', '');
  }
  if (hidden)
    lines.push(`… and ${hidden} more finding${hidden > 1 ? 's' : ''}: see the job summary or the JSON report.`, '');

  if (report.ignored.length) {
    lines.push(`<details><summary>Ignored by the configuration (${report.ignored.length})</summary>`, '');
    for (const f of report.ignored)
      lines.push(
        `${findingLine(f, report, opts)}: ${renderMessage(f.ignore.reason)}${f.ignore.expires ? ` (until ${code(f.ignore.expires)})` : ''}`,
      );
    lines.push('', '</details>', '');
  }

  if (report.warnings.length) {
    lines.push('#### Warnings', '');
    for (const w of report.warnings)
      lines.push(`- ${renderMessage(w.message)}${w.incomplete ? ' (not covered by this verdict)' : ''}`);
    lines.push('');
  }

  const short = (c: string | null) => (isCommit(c) ? `\`${c.slice(0, 12)}\`` : escapeMarkdown(c ?? 'work tree'));
  const compared = `Compared ${short(report.base.commit)}${report.baseTip ? ' (the merge-base)' : ''} .. ${short(report.head.commit)}`;
  const run = opts.runUrl && /^https?:\/\/[^\s()<>]+$/.test(opts.runUrl) ? ` · [workflow run](${opts.runUrl})` : '';
  lines.push(`<sub>${compared} · driver-semver${run}</sub>`);
  return `${lines.join('\n')}\n`;
}
