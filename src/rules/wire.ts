/**
 * Wire encoding of each PT_* parameter type: its size in bytes (null = variable length) and
 * its encoding class. Sources: the ppm_param_type comments in ppm_events_public.h and the
 * size table of modern_bpf's generator (type_to_size_expr). Two types with the same class and
 * size are a refinement (INT32 → FLAGS32); anything else breaks a reader of the old type.
 */
import { record } from '../record.js';
export interface WireType {
  size: number | null;
  encoding: string;
}

const INT = (size: number): WireType => ({ size, encoding: `int${size}` });
const VAR = (encoding: string): WireType => ({ size: null, encoding });

export const PARAM_WIRE = record<WireType>({
  PT_NONE: { size: 0, encoding: 'none' },
  PT_INT8: INT(1),
  PT_UINT8: INT(1),
  PT_FLAGS8: INT(1),
  PT_ENUMFLAGS8: INT(1),
  PT_SIGTYPE: INT(1),
  PT_L4PROTO: INT(1),
  PT_SOCKFAMILY: INT(1),
  PT_INT16: INT(2),
  PT_UINT16: INT(2),
  PT_FLAGS16: INT(2),
  PT_ENUMFLAGS16: INT(2),
  PT_PORT: INT(2),
  PT_SYSCALLID: INT(2),
  PT_INT32: INT(4),
  PT_UINT32: INT(4),
  PT_FLAGS32: INT(4),
  PT_ENUMFLAGS32: INT(4),
  PT_UID: INT(4),
  PT_GID: INT(4),
  PT_MODE: INT(4),
  PT_SIGSET: INT(4),
  PT_IPV4ADDR: INT(4),
  PT_BOOL: INT(4),
  PT_FD32: INT(4),
  PT_PID32: INT(4),
  PT_INT64: INT(8),
  PT_UINT64: INT(8),
  PT_ERRNO: INT(8),
  PT_FD: INT(8),
  PT_PID: INT(8),
  PT_RELTIME: INT(8),
  PT_ABSTIME: INT(8),
  PT_DOUBLE: { size: 8, encoding: 'float8' },
  PT_IPV6ADDR: { size: 16, encoding: 'ipv6addr' },
  PT_CHARBUF: VAR('string'),
  PT_FSPATH: VAR('string'),
  PT_FSRELPATH: VAR('string'),
  PT_BYTEBUF: VAR('bytes'),
  PT_SOCKADDR: VAR('sockaddr'),
  PT_SOCKTUPLE: VAR('socktuple'),
  PT_FDLIST: VAR('fdlist'),
  PT_DYN: VAR('dyn'),
  PT_CHARBUFARRAY: VAR('charbufarray'),
  PT_CHARBUF_PAIR_ARRAY: VAR('charbufpairarray'),
  PT_IPV4NET: VAR('ipv4net'),
  PT_IPV6NET: VAR('ipv6net'),
  PT_IPADDR: VAR('ipaddr'),
  PT_IPNET: VAR('ipnet'),
});

/** True when a reader of `from` can read `to` unchanged: same size and encoding class. */
export function sameWire(from: string, to: string): boolean | null {
  const a = PARAM_WIRE[from];
  const b = PARAM_WIRE[to];
  if (!a || !b) return null;
  return a.size === b.size && a.encoding === b.encoding;
}

export function describeWire(type: string): string {
  const w = PARAM_WIRE[type];
  if (!w) return 'unknown encoding';
  return w.size === null ? `variable-length ${w.encoding}` : `${w.size}-byte ${w.encoding.replace(/\d+$/, '')}`;
}
