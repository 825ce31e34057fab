/**
 * Limits on the work any input can cause (the action runs on other people's pull requests).
 * Each stage checks its own; hitting one ends in a warning that names the file and makes the
 * analysis incomplete (never a pass, never a crash or a hang). The README lists them.
 */

/** A file larger than this is not read (its size is checked before its content is). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Time tree-sitter may spend on one file before the parse is abandoned. */
export const MAX_PARSE_MS = 10_000;

/** Steps (tokens read, macros expanded) one constant expression may take. */
export const MAX_EVAL_STEPS = 1_000_000;

/** Nesting (parentheses, unary operators, macro expansions) one constant expression may have. */
export const MAX_EVAL_DEPTH = 256;

/** `#if` computes in intmax_t, 64 bits (C expressions use their C types); a shift by the width or more is undefined. */
export const INTEGER_BITS = 64;

/** Nesting of braces in an initializer (g_event_info needs 4) and of structs in structs. */
export const MAX_NESTING = 64;

/** Tokens one macro expansion may produce (a re-read definition, a value). */
export const MAX_MACRO_OUTPUT_TOKENS = 200_000;

/** Characters a use of a macro that expands to `_Pragma` may span, its arguments included. */
export const MAX_PRAGMA_MACRO_USE_CHARS = 4096;

/** `#include` depth, and files one revision may pull in through includes. */
export const MAX_INCLUDE_DEPTH = 16;
export const MAX_INCLUDED_FILES = 256;

/** Files and directory depth `--worktree` reads below the surface directories. */
export const MAX_WORKTREE_FILES = 20_000;
export const MAX_WORKTREE_DEPTH = 32;

/**
 * Locals followed from the values a function writes into the event header (real writers need
 * one or two); beyond it, every change of the function counts as a change of the header.
 */
export const MAX_HEADER_LOCALS = 64;

/** Groups the audit's parsing workers may run ahead of the walk (what they parse stays in memory). */
export const PREFETCH_GROUPS_AHEAD = 64;

/** Entries a per-process memo (tokenised expressions, configurations' answers) keeps before it starts over. */
export const MEMO_ENTRIES = 20_000;
