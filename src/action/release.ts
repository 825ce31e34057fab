import type { EventInfo } from './event.js';
import type { ActionInputs } from './inputs.js';

/**
 * The hook for `mode: release` (and `mode: auto` on a push of a `*+driver` tag): checks a
 * driver release against the history of the version files. The logic lives in src/history
 * (built in its own issue); when it lands, set `releaseMode` to a function that runs it, e.g.
 *
 *   import { runRelease } from '../history/release.js';
 *   export const releaseMode: ReleaseMode | null = async ({ inputs, event, workdir, log }) => { ... };
 *
 * and the action's outputs, summary and exit status follow from what it returns. Until then a
 * release run says so: an explicit `mode: release` fails, `auto` on a tag succeeds with a notice.
 */
export interface ReleaseContext {
  inputs: ActionInputs;
  event: EventInfo;
  /** The checkout (working-directory), absolute. */
  workdir: string;
  /** The pushed tag, e.g. `8.0.0+driver`. */
  tag: string | null;
}

export type ReleaseMode = (ctx: ReleaseContext) => Promise<void>;

export const releaseMode: ReleaseMode | null = null;

/** libs tags driver releases `X.Y.Z+driver` (prereleases `X.Y.Z-rcN+driver`). */
export function isDriverTag(tag: string | null): boolean {
  return tag !== null && /^[^\s]+\+driver$/.test(tag);
}
