/**
 * The `#define`s of a filler or program file (see code-bodies.ts). A macro a function uses is
 * part of its code: the preprocessor pastes its body in, so `#define OPEN_FLAGS_ARG 1` → `2`
 * changes which argument every filler using it reads. Each definition is read from its directive
 * token (the lexer's, so comments, spacing and continuations are already normalised), with the
 * conditional groups around it, for the kernel builds that compile it.
 */
import { DIRECTIVE, PP_ELIF, PP_ELSE, PP_ENDIF, PP_IF, type Tokens } from './lexer.js';

export interface DefineFact {
  name: string;
  /** Offset of the directive (for the line). */
  at: number;
  /** The definition as one text: `#define NAME(a, b) body`, or `#undef NAME`; object-like and function-like told apart. */
  text: string;
  /** Identifiers of the body other than the parameters: the macros it may expand in turn. */
  mentions: string[];
  /** The conditional groups around it, outermost first: the token index of each `#if`, and which branch holds it. */
  scope: Array<{ at: number; branch: number }>;
}

const IDENTIFIER = /[A-Za-z_]\w*/g;

/**
 * Every `#define` and `#undef` of the file, in source order. `source` is the C text the tokens
 * were lexed from: only it tells `#define F(x)` (a parameter list) from `#define F (x)` (a body).
 */
export function defineFacts(T: Tokens, source: string): DefineFact[] {
  const out: DefineFact[] = [];
  const groups: Array<{ at: number; branch: number }> = [];
  for (let k = 0; k < T.n; k++) {
    if (T.kind[k] !== DIRECTIVE) continue;
    const pp = T.pp[k];
    if (pp === PP_IF) groups.push({ at: k, branch: 0 });
    else if (pp === PP_ELIF || pp === PP_ELSE) {
      const top = groups[groups.length - 1];
      if (top) top.branch++;
    } else if (pp === PP_ENDIF) groups.pop();
    else {
      const m = /^#(define|undef) ([A-Za-z_]\w*)(.*)$/.exec(T.text[k]!);
      if (!m) continue;
      const [, kind, name, rest] = m as unknown as [string, string, string, string];
      const head = new RegExp(`^(?:#|%:)[ \\t]*define[ \\t]+${name}\\(`).exec(
        source.slice(T.at[k]!, T.at[k]! + name.length + 64),
      );
      const functionLike = kind === 'define' && head !== null;
      let body = rest;
      let params: string[] = [];
      if (functionLike) {
        const close = rest.indexOf(')');
        params = rest.slice(0, close < 0 ? rest.length : close).match(IDENTIFIER) ?? [];
        body = close < 0 ? '' : rest.slice(close + 1);
      }
      const mentions = [...new Set(body.match(IDENTIFIER) ?? [])]
        .filter((id) => id !== name && !params.includes(id))
        .sort();
      const text = kind === 'undef' ? `#undef ${name}` : functionLike ? T.text[k]! : `#define ${name} =${rest}`;
      out.push({ name, at: T.at[k]!, text, mentions, scope: groups.map((g) => ({ ...g })) });
    }
  }
  return out;
}
