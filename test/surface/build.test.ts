import { describe, expect, it } from 'vitest';
import { buildSurface, versionOf } from '../../src/surface/build.js';
import { lineOf } from '../helpers/lines.js';
import { demoTree, edit, memorySnapshot, surfaceOf } from '../helpers/surface.js';

describe('the schema surface of the demo driver', async () => {
  const tree = demoTree();
  const s = await surfaceOf(tree);
  const line = (file: string, text: string, after?: string) => lineOf(tree[file]!, text, { after });

  it('reads the version files (first line only) and the libscap minimums', () => {
    expect(s.versions.api).toEqual({ path: 'driver/API_VERSION', raw: '3.1.0', version: '3.1.0' });
    expect(s.versions.schema?.version).toBe('2.4.0');
    expect(s.scapMinimum.api).toMatchObject({
      macro: 'SCAP_MINIMUM_DRIVER_API_VERSION',
      version: '3.0.0',
      loc: {
        path: 'userspace/libscap/scap.h',
        line: line('userspace/libscap/scap.h', '#define SCAP_MINIMUM_DRIVER_API_VERSION'),
      },
    });
    expect(s.scapMinimum.schema?.version).toBe('2.3.0');
  });

  it('reads ppm_event_code with values, PPM_EVENT_MAX included', () => {
    expect(Object.keys(s.eventCodes)).toHaveLength(11);
    expect(s.eventCodes.PPME_SYSCALL_OPEN_X).toMatchObject({
      value: 3,
      loc: { path: 'driver/ppm_events_public.h', line: line('driver/ppm_events_public.h', 'PPME_SYSCALL_OPEN_X = 3') },
    });
    expect(s.eventCodes.PPM_EVENT_MAX!.value).toBe(10);
  });

  it('reads every g_event_info entry with flags as sets and params in order', () => {
    expect(Object.keys(s.events)).toHaveLength(10);
    expect(s.events.PPME_SYSCALL_OPEN_X).toMatchObject({
      name: 'open',
      category: ['EC_FILE', 'EC_SYSCALL'],
      flags: ['EF_CREATES_FD', 'EF_MODIFIES_STATE'],
      nparams: 3,
      loc: { path: 'driver/event_table.c', line: line('driver/event_table.c', '[PPME_SYSCALL_OPEN_X]') },
    });
    expect(s.events.PPME_SYSCALL_OPEN_X!.params.map((p) => [p.name, p.type, p.format, p.info])).toEqual([
      ['fd', 'PT_FD', 'PF_DEC', null],
      ['name', 'PT_FSPATH', 'PF_NA', null],
      ['flags', 'PT_FLAGS32', 'PF_HEX', 'file_flags'],
    ]);
    expect(s.events.PPME_SYSCALL_OPEN_X!.params[2]!.loc.line).toBe(
      line('driver/event_table.c', '{"flags"', '[PPME_SYSCALL_OPEN_X]'),
    );
    expect(s.events.PPME_SOCKET_SETSOCKOPT_X!.params[2]).toMatchObject({
      type: 'PT_DYN',
      info: 'sockopt_dynamic_param',
      ninfo: 'PPM_SOCKOPT_IDX_MAX',
    });
    // A short entry (trailing fields left out) has no params; EF_NONE is no flag.
    expect(s.events.PPME_SYSCALL_OPEN_E).toMatchObject({ nparams: 0, params: [] });
    expect(s.events.PPME_GENERIC_X!.flags).toEqual([]);
  });

  it('reads the schema enums with evaluated values', () => {
    expect(s.enums.ppm_event_flags!.EF_LARGE_PAYLOAD).toMatchObject({ value: 2048, expr: '(1 << 11)' });
    expect(s.enums.ppm_event_flags!.EF_DROPPED_LONG_AGO).toBeUndefined();
    expect(s.enums.ppm_param_type!.PT_MAX!.value).toBe(13);
    expect(Object.keys(s.enums).sort()).toEqual([
      'ppm_event_category',
      'ppm_event_flags',
      'ppm_param_type',
      'ppm_print_format',
      'sys_exit_extra_code',
    ]);
  });

  it('reads PPM_SC codes from the X-macro, a commented-out code as retired', () => {
    expect(s.ppmSc.PPM_SC_READ).toMatchObject({
      value: 4,
      loc: { line: line('driver/ppm_events_public.h', 'PPM_SC_X(READ, 4)') },
    });
    expect(s.ppmSc.PPM_SC_NA_1).toMatchObject({ value: 3, retired: true });
    expect(Object.keys(s.ppmSc)).toHaveLength(6);
  });

  it('reads PPM_* value defines, with their #if guard when conditional', () => {
    expect(s.defines.PPM_O_RDWR).toMatchObject({ value: 3, expr: '(PPM_O_RDONLY | PPM_O_WRONLY)' });
    expect(s.defines.PPM_AT_FDCWD!.value).toBe(-100);
    expect(s.defines.PPM_FCNTL_F_GETLK64).toMatchObject({ value: 3, guard: ['!defined(CONFIG_64BIT)'] });
    expect(s.defines.PPM_FCNTL_F_DUPFD!.guard).toBeUndefined();
  });

  it('reads flag tables (terminator dropped, guards kept) and dynamic-param tables', () => {
    expect(s.flagTables.file_flags!.entries.map((e) => [e.name, e.value])).toEqual([
      ['O_RDWR', 3],
      ['O_RDONLY', 1],
      ['O_WRONLY', 2],
      ['O_CREAT', 4],
      ['O_NONE', 0],
    ]);
    expect(s.flagTables.fcntl_commands!.entries[2]).toMatchObject({
      name: 'F_GETLK64',
      guard: ['!defined(CONFIG_64BIT)'],
    });
    expect(s.dynamicParams.sockopt_dynamic_param!.entries.PPM_SOCKOPT_IDX_ERRNO).toMatchObject({
      type: 'PT_ERRNO',
      index: 1,
    });
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('has no warnings', () => {
    expect(s.warnings).toEqual([]);
  });
});

describe('surface problems become warnings that name the file, never silence', () => {
  it('a missing public header', async () => {
    const tree = demoTree();
    delete tree['driver/ppm_events_public.h'];
    const s = await surfaceOf(tree, 'rev1');
    expect(s.warnings).toContainEqual(
      expect.objectContaining({ path: 'driver/ppm_events_public.h', incomplete: true }),
    );
    expect(s.warnings.find((w) => w.path === 'driver/ppm_events_public.h')!.message).toContain('rev1');
  });

  it('a blob missing from the clone', async () => {
    const snap = memorySnapshot(demoTree());
    const read = snap.read;
    snap.read = async (p) => (p === 'driver/event_table.c' ? null : read(p));
    const s = await buildSurface(snap);
    expect(s.warnings).toContainEqual(
      expect.objectContaining({
        path: 'driver/event_table.c',
        incomplete: true,
        message: expect.stringContaining('blob is missing'),
      }),
    );
    expect(s.events).toEqual({});
  });

  it('an oversized file', async () => {
    const tree = edit(demoTree(), 'driver/flags_table.c', [
      '/* Demo flag tables. */',
      `/* ${'x'.repeat(3 * 1024 * 1024)} */`,
    ]);
    const s = await surfaceOf(tree);
    expect(s.warnings).toContainEqual(
      expect.objectContaining({ path: 'driver/flags_table.c', message: expect.stringContaining('over the') }),
    );
  });

  it('an event table entry tree-sitter cannot read', async () => {
    const tree = edit(demoTree(), 'driver/event_table.c', [
      '[PPME_SYSCALL_CLOSE_X] = {"close",',
      '[PPME_SYSCALL_CLOSE_X] = {"close" +* ,',
    ]);
    const s = await surfaceOf(tree);
    expect(s.warnings.some((w) => w.incomplete && w.path === 'driver/event_table.c')).toBe(true);
  });

  it('a first line that is not a version', async () => {
    const tree = { ...demoTree(), 'driver/API_VERSION': 'ten\n' };
    const s = await surfaceOf(tree);
    expect(s.versions.api).toEqual({ path: 'driver/API_VERSION', raw: 'ten', version: null });
  });
});

describe('older libs forms', () => {
  it('reads SCAP_MINIMUM_PROBE_* (before 2022)', async () => {
    const tree = {
      ...demoTree(),
      'userspace/libscap/scap.h':
        '#define SCAP_MINIMUM_PROBE_API_VERSION PPM_API_VERSION(1, 0, 0)\n#define SCAP_MINIMUM_PROBE_SCHEMA_VERSION PPM_API_VERSION(1, 2, 0)\n',
    };
    const s = await surfaceOf(tree);
    expect(s.scapMinimum.api).toMatchObject({ macro: 'SCAP_MINIMUM_PROBE_API_VERSION', version: '1.0.0' });
    expect(s.scapMinimum.schema?.version).toBe('1.2.0');
  });
});

describe('versionOf: a version file as the build reads it', () => {
  const read = (text: string) => versionOf(Buffer.from(text, 'latin1'));
  it.each([
    ['3.1.0\n', '3.1.0'],
    ['3.1.0', '3.1.0'],
    ['3.1.0\r\n', '3.1.0'],
    ['3.1.0\r', '3.1.0'],
    ['  3.1.0\t\n', '3.1.0'],
    ['3.0.0\n\nOnly the first line is read.\n', '3.0.0'],
    ['0.0.0\n', '0.0.0'],
    ['\xef\xbb\xbf3.1.0\n', '3.1.0'],
  ])('%j is %s', (text, version) => {
    expect(read(text).version).toBe(version);
  });

  it.each([
    // CMake's file(STRINGS) drops CRs inside the line: "3.1.01", a leading zero.
    ['3.1.0\r1\n', '3.1.01'],
    // A lone CR ends no line for CMake: the rest is on the first line.
    ['3.1.0\r4.0.0\n', '3.1.04.0.0'],
    // driver_config.h.in pastes each number into a #define: 010 is octal 8.
    ['3.010.0\n', '3.010.0'],
    ['03.1.0\n', '03.1.0'],
    ['3.1.0 rc1\n', '3.1.0 rc1'],
    ['\n3.1.0\n', ''],
    ['3.1\n', '3.1'],
  ])('%j is no valid version (read as %j)', (text, raw) => {
    expect(read(text)).toEqual({ raw, version: null });
  });
});
