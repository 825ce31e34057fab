import { BUMP_ORDER, maxBump, type Bump, type Governs } from '../rules/types.js';
import type { AgreementView } from '../report/markdown.js';
import type { CheckReport } from '../verdict/types.js';
import { GOVERNS_ORDER, VERSION_LABEL } from '../vocabulary.js';

/**
 * The driver-version declarations of a PR body. libs' PR template lists
 *   > /version driver-API-version-major … > /version driver-SCHEMA-version-patch
 * as quoted (commented-out) lines under "Does this PR require a change in the driver
 * versions?"; the author uncomments the ones that apply. A line counts when, after leading
 * whitespace and any backticks, it starts with `/version driver-(API|SCHEMA)-version-(major|minor|patch)`
 * (case-insensitive). Quoted lines (`>`) and HTML comments are the template's defaults and do
 * not count.
 */
export interface Declarations {
  /** The body says something about driver versions (a /version line, or the template's question). */
  stated: boolean;
  /** Every bump declared per version, in the order written. */
  declared: Record<Governs, Bump[]>;
}

const TEMPLATE_QUESTION = /does this pr require a change in the driver versions/i;
const LINE = /^\/version\s+driver-(api|schema)-version-(major|minor|patch)\b/i;
/** PR bodies are bounded by GitHub (65,536 characters); be bounded here too. */
const MAX_BODY = 256 * 1024;

export function parseDeclarations(body: string | null | undefined): Declarations {
  const declared: Record<Governs, Bump[]> = { api: [], schema: [] };
  const text = (body ?? '').slice(0, MAX_BODY).replace(/<!--[\s\S]*?(-->|$)/g, '');
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^[\s`]+/, '').replace(/[\s`]+$/, '');
    const m = LINE.exec(line);
    if (!m) continue;
    declared[m[1]!.toLowerCase() as Governs].push(m[2]!.toLowerCase() as Bump);
  }
  const stated = declared.api.length > 0 || declared.schema.length > 0 || TEMPLATE_QUESTION.test(text);
  return { stated, declared };
}

/** The largest bump declared for a version, `none` when a stated body declares nothing for it. */
export function bodyBump(d: Declarations, governs: Governs): Bump | null {
  if (!d.stated) return null;
  return d.declared[governs].reduce<Bump>((a, b) => maxBump(a, b), 'none');
}

/**
 * Compares the three sources per version: the PR body, the version file, the detected changes.
 * The version file against the changes is the verdict's status already; here every
 * disagreement that involves the body is spelled out. A body that states nothing is not
 * compared (many PRs do not use the template), but the action still says what to declare.
 */
export function agreement(report: CheckReport, d: Declarations): AgreementView {
  const problems: string[] = [];
  const versions = {} as AgreementView['versions'];
  for (const g of GOVERNS_ORDER) {
    const v = report.versions[g];
    const body = bodyBump(d, g);
    const file = v.declared;
    const detected = v.required;
    const distinct = [...new Set(d.declared[g])];
    if (distinct.length > 1) {
      problems.push(
        `the PR body declares more than one ${VERSION_LABEL[g]} bump (${distinct.sort((a, b) => BUMP_ORDER.indexOf(b) - BUMP_ORDER.indexOf(a)).join(', ')}): keep one line`,
      );
    }
    if (body !== null) {
      const says = body === 'none' ? `no ${VERSION_LABEL[g]} bump` : `a ${body} ${VERSION_LABEL[g]} bump`;
      if (body !== detected) {
        problems.push(
          `the PR body declares ${says}, but the changes need ${detected === 'none' ? 'none' : `a ${detected} bump`}`,
        );
      }
      if (body !== file) {
        const change =
          v.base === v.head
            ? `${v.file} is unchanged`
            : `${v.file} changed ${v.base ?? '?'} → ${v.head ?? '?'} (${file})`;
        problems.push(`the PR body declares ${says}, but ${change}`);
      }
    }
    versions[g] = {
      body,
      file,
      detected,
      agree: body === null ? file === detected : body === file && file === detected && distinct.length <= 1,
    };
  }
  return { stated: d.stated, versions, problems };
}
