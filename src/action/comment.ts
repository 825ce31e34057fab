import { code, COMMENT_MARKER, SUGGESTION_MARKER } from '../report/markdown.js';
import type { CheckReport } from '../verdict/types.js';
import { GOVERNS_ORDER, VERSION_LABEL } from '../vocabulary.js';
import type { Comment, GitHubApi } from './github.js';

/**
 * The sticky PR comment and the one-click version suggestions. A comment is ours when its
 * body starts with our hidden marker *and* it was written by a bot or by the token's own user:
 * anyone can paste the marker into a comment, and we must never edit theirs.
 */
export async function isOursFilter(api: GitHubApi, comments: Comment[], marker: string): Promise<Comment[]> {
  const marked = comments.filter((c) => c.body.startsWith(marker));
  if (marked.every((c) => c.user?.type === 'Bot')) return marked;
  const viewer = await api.viewerLogin();
  return marked.filter((c) => c.user?.type === 'Bot' || (viewer !== null && c.user?.login === viewer));
}

export type StickyAction = 'created' | 'updated' | 'unchanged' | 'deleted' | 'skipped';

export interface StickyResult {
  action: StickyAction;
  url?: string;
}

/**
 * Creates, edits in place, or deletes the one sticky comment.
 * - `upsert`: edit ours if there is one (no-op when the body is the same), else create it.
 * - `update-only`: edit ours if there is one; never create (a clean PR that never had a comment).
 * - `delete`: delete ours if there is one.
 * Extra comments of ours (a retried POST that had in fact succeeded) are deleted.
 */
export async function syncStickyComment(
  api: GitHubApi,
  body: string,
  policy: 'upsert' | 'update-only' | 'delete',
): Promise<StickyResult> {
  const ours = await isOursFilter(api, await api.listIssueComments(), COMMENT_MARKER);
  const [first, ...extra] = ours;
  for (const c of extra) await api.deleteIssueComment(c.id);
  if (policy === 'delete') {
    if (!first) return { action: 'skipped' };
    await api.deleteIssueComment(first.id);
    return { action: 'deleted' };
  }
  if (first) {
    if (first.body === body) return { action: 'unchanged', ...(first.html_url ? { url: first.html_url } : {}) };
    const c = await api.updateIssueComment(first.id, body);
    return { action: 'updated', ...(c.html_url ? { url: c.html_url } : {}) };
  }
  if (policy === 'update-only') return { action: 'skipped' };
  const c = await api.createIssueComment(body);
  return { action: 'created', ...(c.html_url ? { url: c.html_url } : {}) };
}

/**
 * What to do with the sticky comment: `comment: always` always shows the verdict; `on-failure`
 * comments when something needs attention and otherwise only keeps an existing comment up to
 * date (or deletes it, with `on-clean: delete`); `never` leaves comments alone.
 */
export function stickyPolicy(
  comment: 'on-failure' | 'always' | 'never',
  onClean: 'update' | 'delete',
  attention: boolean,
): 'upsert' | 'update-only' | 'delete' | null {
  if (comment === 'never') return null;
  if (comment === 'always' || attention) return 'upsert';
  return onClean === 'delete' ? 'delete' : 'update-only';
}

export interface Suggestion {
  path: string;
  line: number;
  body: string;
}

/** Text we put in a suggestion block: one printable line, no backtick (it cannot close the block). */
const SUGGESTABLE = /^[ -_a-~]{1,200}$/;

/**
 * One review suggestion per fix of the report whose line is in the PR diff (GitHub accepts a
 * review comment only there): a GitHub suggestion block replacing that line. A major bump's fix
 * covers both files, the version file and libscap's minimum, when both are in the diff; a file
 * the PR did not touch cannot carry one (the sticky comment says what to do there).
 */
export function suggestionsFor(report: CheckReport, inDiff: (path: string, line: number) => boolean): Suggestion[] {
  const out: Suggestion[] = [];
  for (const g of GOVERNS_ORDER) {
    const v = report.versions[g];
    for (const fix of v.fixes) {
      if (!inDiff(fix.file, fix.line) || !SUGGESTABLE.test(fix.text)) continue;
      const need = v.required === 'none' ? 'need no bump' : `need a **${v.required}** bump`;
      const why =
        fix.file === v.file
          ? `${code(v.file)} holds ${v.head ? code(v.head) : 'no version'}; the changes in this PR ${need} from ${code(v.baseTip ?? v.base ?? '?')}, so it should be ${code(fix.text)}.`
          : `with ${code(VERSION_LABEL[g])} at ${code(v.fixes.find((f) => f.file === v.file)?.text ?? v.head ?? '?')}, libscap must accept that driver: its minimum becomes this line.`;
      const body = [SUGGESTION_MARKER, `**driver-semver**: ${why}`, '', '```suggestion', fix.text, '```'].join('\n');
      out.push({ path: fix.file, line: fix.line, body });
    }
  }
  return out;
}

export interface SuggestionResult {
  created: number;
  kept: number;
  deleted: number;
}

/**
 * Makes our review suggestions match `wanted`: an identical one already there is kept (no
 * duplicate on re-runs), a stale one of ours (the file changed, or is now right) is deleted.
 */
export async function syncSuggestions(
  api: GitHubApi,
  commitId: string,
  wanted: Suggestion[],
): Promise<SuggestionResult> {
  const existing = (await api.listReviewComments()).filter((c) => c.body.startsWith(SUGGESTION_MARKER));
  const ours = (await isOursFilter(api, existing, SUGGESTION_MARKER)) as Array<Comment & { path: string }>;
  const result: SuggestionResult = { created: 0, kept: 0, deleted: 0 };
  const keep = new Set<number>();
  for (const s of wanted) {
    const same = ours.find((c) => c.path === s.path && c.body === s.body && !keep.has(c.id));
    if (same) {
      keep.add(same.id);
      result.kept++;
      continue;
    }
    await api.createReviewComment({ body: s.body, commitId, path: s.path, line: s.line });
    result.created++;
  }
  for (const c of ours) {
    if (keep.has(c.id)) continue;
    await api.deleteReviewComment(c.id);
    result.deleted++;
  }
  return result;
}
