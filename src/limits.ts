/**
 * Limits on the work any input can cause (the action runs on other people's pull requests).
 * Each stage checks its own, and the work of one revision has a budget all its files share
 * (MAX_REVISION_*, parse/budget.ts); hitting one ends in a warning that names the file and makes
 * the analysis incomplete (never a pass, never a crash or a hang). The README lists them.
 */

/** A file larger than this is not read (its size is checked before its content is). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Time one parse may take (preprocessing, tree-sitter, freeing what a cancelled parse built)
 * before it is abandoned. The largest files libs parses this way (driver/event_table.c, 3,000
 * lines; ppm_events_public.h, 2,500) take 0.02 to 0.35 s, the first parse of a process on a
 * loaded two-core machine being the slowest; 2 MiB of such C (MAX_FILE_BYTES) about 0.3 s. Two
 * seconds leaves real files six times inside it or more, and a crafted file tree-sitter would
 * take minutes over costs two seconds.
 */
export const MAX_PARSE_MS = 2_000;

/**
 * Time all the parses of one revision may take together (its surface files, the headers they
 * include, the definitions read again with their macros expanded). A libs revision takes 0.05
 * to 0.35 s, up to 0.9 s for the first revision of a process on a loaded two-core machine; past
 * the budget, the files not yet parsed are not read (each an unread warning naming it).
 */
export const MAX_REVISION_PARSE_MS = 2_500;

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

/**
 * Steps (as MAX_EVAL_STEPS counts them, plus the tokens macro expansion produces) all the macro
 * expansions and constant expressions of one revision may take together: values, `#if`
 * conditions in every build, re-read definitions, the text files' statements. A libs revision
 * takes 5,000 to 30,000; two million is twice what one expression may take, and crafted input
 * spends it in about a second. Past it, what is left is not computed (a value, or which lines a
 * build compiles, is unknown; an incomplete warning names the file).
 */
export const MAX_REVISION_EVAL_STEPS = 2_000_000;

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
