import { describe, expect, it } from 'vitest';
import { blankComments, cText, lineIndex } from '../../src/parse/c-text.js';

/** The code left once comments are blanked, whitespace folded. */
const code = (src: string) => cText(src).text.replace(/\s+/g, ' ').trim();

describe('cText: line ends as gcc reads them', () => {
  it('keeps the length of any input, so offsets stay the source offsets', () => {
    for (const src of [
      'a\r\nb',
      'a\rb',
      'x \\  \ny',
      'EF_A\\\nB | C\nd',
      '// c \\\t\ncode\n',
      '"s\\\n t"',
      '\uFEFFint x;',
    ]) {
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
    expect(code('char *s = "/* not */ // a comment"; char c = \'/\';')).toBe(
      'char *s = "/* not */ // a comment"; char c = \'/\';',
    );
  });

  it('an unterminated block comment runs to the end of the file', () => {
    expect(code('int a; /* open\nint b;')).toBe('int a;');
  });

  it('a backslash followed by tabs before the newline continues the line', () => {
    const t = cText('#define X 1 \\\t\t\n + 2\nint y;');
    expect(t.spliced).toBe('#define X 1 \t\t\\\n + 2\nint y;');
    expect(t.lineAt(t.text.indexOf('int y'))).toBe(3);
  });

  it('a backslash before a CRLF or a lone CR continues the line', () => {
    expect(code('// old \\\r\nint hidden;\r\nint live;')).toBe('int live;');
    expect(code('// old \\\rint hidden;\rint live;')).toBe('int live;');
  });

  it('a block comment spanning a continuation is blanked whole, its newline kept', () => {
    const t = cText('/* a \\\n b */ int x;\nint y;');
    expect(t.text).toBe('      \n      int x;\nint y;');
    expect(t.lineAt(t.text.indexOf('int y'))).toBe(3);
  });

  it('a string literal continued onto the next line hides the // after it, even after an escaped backslash', () => {
    expect(code('s = "a \\\n // b"; int c;')).toBe('s = "a \\ // b"; int c;');
    // `\\` then `\` + newline: the newline is spliced all the same, so the string goes on.
    expect(code('s = "x\\\\\n // y"; int c;')).toBe('s = "x\\\\ // y"; int c;');
  });

  it('several token-splitting continuations in a row settle every owed line, and the next logical line too', () => {
    const t = cText('A\\\nB\\\nC x;\nnext\\\n2;\nlast');
    expect(t.spliced.split('\n').map((l) => l.trim())).toEqual(['ABC x;', '', '', 'next2;', '', 'last']);
    expect(t.lineAt(t.text.indexOf('next2'))).toBe(4);
    expect(t.lineAt(t.text.indexOf('last'))).toBe(6);
  });

  it('a byte-order mark becomes a space', () => {
    expect(cText('\uFEFF#define A 1').text).toBe(' #define A 1');
  });

  it('a quote inside a character literal opens no string: the comment after it is blanked', () => {
    expect(blankComments("char q = '\"'; /* gone */ int b = 4 / 2;")).toBe("char q = '\"';            int b = 4 / 2;");
  });
});

describe('lineIndex', () => {
  it('maps an offset to its 1-based line: a line start, a newline and empty lines included', () => {
    const at = lineIndex('ab\ncd\n\nef');
    // a b \n c d \n \n e f
    expect([0, 2, 3, 5, 6, 7, 8].map(at)).toEqual([1, 1, 2, 2, 3, 4, 4]);
  });

  it('an offset past the end is on the last line', () => {
    expect(lineIndex('a\nb')(100)).toBe(2);
    expect(lineIndex('')(0)).toBe(1);
  });
});

describe('digraphs', () => {
  it('are the punctuators they spell, outside literals and comments, at the same offsets', () => {
    const src = 'a<:1:> = <% x %>; %:define Y 1\n%:%: s = "<:"; c = \'%>\'; /* <: */';
    const t = cText(src).text;
    expect(t).toHaveLength(src.length);
    expect(t.split('\n')[0]).toBe('a[ 1]  = {  x } ; # define Y 1');
    expect(t.split('\n')[1]).toBe('##   s = "<:"; c = \'%>\';         ');
  });
});
