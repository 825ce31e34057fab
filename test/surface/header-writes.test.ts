/**
 * What transport code writes into the event header (extract/code/header-writes.ts): compared so
 * that plumbing that writes the header differently is a change of every event.
 */
import { describe, expect, it } from 'vitest';
import { cText } from '../../src/parse/c-text.js';
import { extractCodeBodies } from '../../src/surface/extract/code-bodies.js';
import { headerWrites } from '../../src/surface/extract/code/header-writes.js';
import { lex } from '../../src/surface/extract/code/lexer.js';
import { MAX_HEADER_LOCALS } from '../../src/limits.js';

const writes = (src: string) => {
  const T = lex(cText(src).text);
  return headerWrites(T, 0, T.n - 1);
};

const KMOD = [
  'static int record(struct event_filler_arguments *args, char *buf) {',
  '\tstruct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)buf;',
  '\tuint32_t n = args->nargs;',
  '\thdr->type = args->event_type;',
  '\thdr->nparams = n;',
  '\treturn sizeof(struct ppm_evt_hdr);',
  '}',
].join('\n');

describe('headerWrites', () => {
  it('reads every field written, with the locals its value is computed from', () => {
    expect(writes(KMOD)).toEqual(['n = args -> nargs', 'nparams = n', 'type = args -> event_type']);
  });

  it('follows struct locals written field by field (the filler arguments)', () => {
    const src =
      'void f(char *p) {\n\tstruct event_filler_arguments args;\n\targs.nargs = count(p);\n\targs.snaplen = 80;\n\t((struct ppm_evt_hdr *)p)->len = 0;\n\tstruct ppm_evt_hdr *h = (void *)p;\n\th->nparams = args.nargs;\n}\n';
    expect(writes(src)).toEqual(['args.nargs = count ( p )', 'args.snaplen = 80', 'nparams = args . nargs']);
  });

  it('reads a header built in a local and copied the same as one written in place (libs d64d9ef59)', () => {
    const inPlace =
      'void pre(struct auxiliary_map *auxmap, uint16_t type) {\n\tuint8_t nparams = get_nparams(type);\n\tstruct ppm_evt_hdr *hdr = (struct ppm_evt_hdr *)auxmap->data;\n\thdr->ts = now();\n\thdr->type = type;\n\thdr->nparams = nparams;\n}\n';
    const local =
      'void pre(struct auxiliary_map *auxmap, uint16_t type) {\n\tuint8_t nparams = get_nparams(type);\n\tstruct ppm_evt_hdr hdr = {0};\n\thdr.ts = now();\n\thdr.type = type;\n\thdr.nparams = nparams;\n\t__builtin_memcpy(&auxmap->data[0], &hdr, sizeof(struct ppm_evt_hdr));\n}\n';
    expect(writes(local)).toEqual(writes(inPlace));
    expect(writes(inPlace)).toEqual([
      'nparams = get_nparams ( type )',
      'nparams = nparams',
      'ts = now ( )',
      'type = type',
    ]);
  });

  it('changes when a field is no longer written, or written from another value', () => {
    const base = writes(KMOD);
    expect(writes(KMOD.replace('\thdr->nparams = n;\n', ''))).not.toEqual(base);
    expect(writes(KMOD.replace('uint32_t n = args->nargs;', 'uint32_t n = 0;'))).not.toEqual(base);
    // An initialiser that sets fields counts; a zero one does not.
    expect(writes('void f(void) {\n\tstruct ppm_evt_hdr h = {.nparams = 2};\n\tsend(&h);\n}\n')).toEqual([
      '= { . nparams = 2 }',
    ]);
  });

  it('is empty for code that writes no header (casts and sizeof are not headers)', () => {
    expect(
      writes('int f(char *p) {\n\treturn sizeof(struct ppm_evt_hdr) + ((struct ppm_evt_hdr *)p)->len;\n}\n'),
    ).toEqual([]);
    expect(
      extractCodeBodies('driver/ppm_fillers.c', 'int f(int x) {\n\treturn x;\n}\n').functions.f,
    ).not.toHaveProperty('headerHash');
    expect(extractCodeBodies('driver/main.c', KMOD).functions.record!.headerHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('stops following locals after MAX_HEADER_LOCALS (crafted input): the whole function stands for its header writes', () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `\tint v${i + 1} = v${i};`).join('\n');
    const src = (n: number) => `void f(int v0) {\n${chain(n)}\n\tstruct ppm_evt_hdr h;\n\th.len = v${n};\n}\n`;
    expect(writes(src(MAX_HEADER_LOCALS - 1))).toHaveLength(MAX_HEADER_LOCALS);
    expect(writes(src(200))).toBeNull();
    const header = (s: string) => extractCodeBodies('driver/main.c', s).functions.f!.headerHash;
    const unrelated = (s: string) => s.replace('\tstruct ppm_evt_hdr h;', '\tlog_it();\n\tstruct ppm_evt_hdr h;');
    expect(header(unrelated(src(200)))).not.toBe(header(src(200)));
    expect(header(unrelated(src(10)))).toBe(header(src(10)));
  });
});
