import { lineIndex } from '../../parse/c-text.js';
import { splitTopLevel } from './syntax.js';

/**
 * Targeted extraction over comment-stripped text, for files whose constructs tree-sitter cannot
 * read (docs/architecture.md, Which files): libbpf map definitions (`__uint(...)`,
 * `__weak SEC(".maps")`), legacy `__bpf_section("maps")` maps, and `module_param*(...)` calls
 * that sit inside ERROR nodes in main.c. Offsets are those of the original file, so lines are
 * exact.
 */
export interface Scan {
  /** Comment-stripped text (same offsets as the source). */
  text: string;
  line(offset: number): number;
}

export function scan(strippedText: string): Scan {
  return { text: strippedText, line: lineIndex(strippedText) };
}

/** `a, b, c` split on top-level commas, trimmed, empty parts dropped. */
export function splitArgs(s: string): string[] {
  return splitTopLevel(s, ',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
