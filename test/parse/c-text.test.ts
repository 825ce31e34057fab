import { describe, expect, it } from 'vitest';
import { cText } from '../../src/parse/c-text.js';

/** The code left once comments are blanked, whitespace folded. */
const code = (src: string) => cText(src).text.replace(/\s+/g, ' ').trim();

describe('cText: line ends as gcc reads them', () => {
  it('keeps the length of any input, so offsets stay the source offsets', () => {
    for (const src of ['a\r\nb', 'a\rb', 'x \\  \ny', 'EF_A\\\nB | C\nd', '// c \\\t\ncode\n', '"s\\\n t"', '\uFEFFint x;']) {
      const t = cText(src);
      expect(t.spliced).toHaveLength(src.length);
      expect(t.text).toHaveLength(src.length);
    }
  });

  it('CRLF and LF files give the same code and the same lines', () => {
    const lf = '#define A 1\n/* two\n lines */\nint b; // end\n#define C \\\n  2\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(code(crlf)).toBe(code(lf));
    const at = (src: string, needle: string) => cText(src).lineAt(cText(src).text.indexOf(needle));
    for (const needle of ['int b', '2']) expect(at(crlf, needle)).toBe(at(lf, needle));
  });

  it('a lone CR ends a line: a // comment stops there and a directive ends there', () => {
    expect(code('// note\rint real;')).toBe('int real;');
    const t = cText('#define A 1\r#define B 2');
    expect(t.text).toBe('#define A 1\n#define B 2');
    expect(t.lineAt(t.text.indexOf('#define B'))).toBe(2);
  });

  it('a backslash followed by blanks before the newline continues the line', () => {
    const t = cText('#define X 1 \\  \n  + 2\nint y;');
    // Canonical continuation: the blanks move before the backslash.
    expect(t.spliced).toBe('#define X 1   \\\n  + 2\nint y;');
    expect(t.lineAt(t.text.indexOf('int y'))).toBe(3);
  });

  it('a // comment whose line is continued (even with trailing blanks) swallows the next line', () => {
    expect(code('// old value \\ \t\nint hidden;\nint live;')).toBe('int live;');
    expect(code('// old value\\\nint hidden;\nint live;')).toBe('int live;');
  });

  it('a continuation that splits a token joins it, and settles the lines at the end of the logical line', () => {
    const t = cText('x = EF_USES_\\\nFD | EF_A;\nnext;');
    expect(t.spliced.startsWith('x = EF_USES_FD | EF_A;')).toBe(true);
    expect(t.lineAt(t.text.indexOf('next'))).toBe(3);
    // Inside a #define, the joined token stays in the directive.
    expect(code('#define T PT_UINT\\\n32\nint z;')).toBe('#define T PT_UINT32 int z;');
  });

  it('comment markers inside string and character literals are not comments', () => {
    expect(code('char *s = "/* not */ // a comment"; char c = \'/\';')).toBe('char *s = "/* not */ // a comment"; char c = \'/\';');
  });

  it('an unterminated block comment runs to the end of the file', () => {
    expect(code('int a; /* open\nint b;')).toBe('int a;');
  });
});
