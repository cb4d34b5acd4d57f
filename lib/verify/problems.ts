// What a verification can find wrong, as codes the console translates and plain English for logs and the
// audit trail. Pure, for the browser and the server alike.

export const VERIFY_STATUSES = ['ok', 'corrupt', 'truncated', 'unsupported', 'encrypted'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export type ProblemCode =
  | 'bad_magic'
  | 'gzip'
  | 'aof'
  | 'bad_version'
  | 'newer_version'
  | 'invalid_type'
  | 'bad_length'
  | 'bad_string_encoding'
  | 'bad_lzf'
  | 'bad_blob'
  | 'bad_score'
  | 'bad_quicklist_container'
  | 'bad_stream'
  | 'module_pre_ga'
  | 'module_opcode'
  | 'module_aux_when'
  | 'function_pre_ga'
  | 'checksum_mismatch'
  | 'trailing_bytes'
  | 'size_mismatch'
  | 'truncated'
  | 'encrypted';

export type ProblemParams = Record<string, string | number>;

/** What the verifier was reading when a file ended. */
export type Reading =
  | 'header'
  | 'record'
  | 'key'
  | 'value'
  | 'aux'
  | 'resizedb'
  | 'expiry'
  | 'selectdb'
  | 'idle'
  | 'freq'
  | 'module_aux'
  | 'function'
  | 'slot_info'
  | 'checksum';

export interface Problem {
  code: ProblemCode;
  /** The byte where it was found (for `truncated`, where the file ended). */
  offset: number;
  params: ProblemParams;
}

export const STATUS_OF: Record<ProblemCode, Exclude<VerifyStatus, 'ok'>> = {
  bad_magic: 'corrupt',
  gzip: 'unsupported',
  aof: 'unsupported',
  bad_version: 'corrupt',
  newer_version: 'unsupported',
  invalid_type: 'corrupt',
  bad_length: 'corrupt',
  bad_string_encoding: 'corrupt',
  bad_lzf: 'corrupt',
  bad_blob: 'corrupt',
  bad_score: 'corrupt',
  bad_quicklist_container: 'corrupt',
  bad_stream: 'corrupt',
  module_pre_ga: 'unsupported',
  module_opcode: 'corrupt',
  module_aux_when: 'corrupt',
  function_pre_ga: 'unsupported',
  checksum_mismatch: 'corrupt',
  trailing_bytes: 'corrupt',
  size_mismatch: 'corrupt',
  truncated: 'truncated',
  encrypted: 'encrypted',
};

const p = (params: ProblemParams, name: string) => String(params[name] ?? '?');

const READING: Record<Reading, (x: ProblemParams) => string> = {
  header: () => 'the header',
  record: () => 'the next record',
  key: () => 'a key',
  value: (x) => `the value of key ${p(x, 'key')}`,
  aux: () => 'an AUX field',
  resizedb: () => 'RESIZEDB',
  expiry: () => 'an expiry',
  selectdb: () => 'SELECTDB',
  idle: () => 'an LRU idle time',
  freq: () => 'an LFU frequency',
  module_aux: () => 'module auxiliary data',
  function: () => 'a function library',
  slot_info: () => 'SLOT_INFO',
  checksum: () => 'the checksum',
};

const REASON: Record<string, (x: ProblemParams) => string> = {
  // Blobs (ziplist, listpack, intset, zipmap)
  short: (x) => `only ${p(x, 'length')} bytes long`,
  size: (x) => `its header says ${p(x, 'stated')} bytes, it has ${p(x, 'length')}`,
  tail: (x) => `its tail offset ${p(x, 'tail')} is outside it`,
  width: (x) => `integer width ${p(x, 'width')}`,
  count: (x) => `${p(x, 'count')} integers of ${p(x, 'width')} bytes do not make ${p(x, 'length')} bytes`,
  end: () => 'it does not end with 0xff',
  integer: () => 'an integer where a blob belongs',
  // LZF
  literal_past_end: () => 'a literal run goes past the compressed data',
  too_long: () => 'it decodes to more bytes than announced',
  backref_cut: () => 'a back reference is cut off',
  backref_before_start: () => 'a back reference points before the start',
  too_short: (x) => `it decodes to ${p(x, 'produced')} bytes, not the ${p(x, 'expected')} announced`,
  // Streams
  id_length: (x) => `a node ID of ${p(x, 'length')} bytes, not 16`,
  encoded_id: () => 'an encoded node ID',
};

const reason = (x: ProblemParams) => REASON[p(x, 'reason')]?.(x) ?? p(x, 'reason');

const ENGLISH: Record<ProblemCode, (params: ProblemParams) => string> = {
  bad_magic: (x) => `not an RDB file: it starts with ${p(x, 'found')} instead of REDIS`,
  gzip: () => 'a gzip archive (a logical backup), not an RDB file',
  aof: () => 'an AOF file (an incremental backup), not an RDB file',
  bad_version: (x) => `the RDB version ${p(x, 'found')} is not a number from 1`,
  newer_version: (x) => `RDB version ${p(x, 'version')} is newer than the ${p(x, 'max')} this verifier reads`,
  invalid_type: (x) => `unknown value type or opcode ${p(x, 'type')}`,
  bad_length: (x) => `invalid length encoding 0x${p(x, 'byte')}`,
  bad_string_encoding: (x) => `invalid string encoding 0x${p(x, 'byte')}`,
  bad_lzf: (x) => `invalid LZF-compressed string: ${reason(x)}`,
  bad_blob: (x) => `invalid ${p(x, 'encoding')} in key ${p(x, 'key')}: ${reason(x)}`,
  bad_score: (x) => `invalid sorted-set score in key ${p(x, 'key')}`,
  bad_quicklist_container: (x) =>
    `invalid quicklist node container ${p(x, 'container')} in key ${p(x, 'key')}`,
  bad_stream: (x) => `invalid stream in key ${p(x, 'key')}: ${reason(x)}`,
  module_pre_ga: (x) =>
    `module value in the pre-release format (module ${p(x, 'module')}), which cannot be read`,
  module_opcode: (x) => `unknown opcode ${p(x, 'opcode')} in a value of module ${p(x, 'module')}`,
  module_aux_when: (x) => `module auxiliary data with opcode ${p(x, 'opcode')} where 2 was expected`,
  function_pre_ga: () => 'functions in the Redis 7.0 release-candidate format',
  checksum_mismatch: (x) =>
    `CRC-64 mismatch: the file says ${p(x, 'stored')}, its bytes give ${p(x, 'computed')}`,
  trailing_bytes: (x) => `${p(x, 'count')} bytes after the checksum`,
  size_mismatch: (x) => `the file has ${p(x, 'actual')} bytes, the backup's size is ${p(x, 'expected')}`,
  truncated: (x) => `the file ends while reading ${READING[x.reading as Reading]?.(x) ?? p(x, 'reading')}`,
  encrypted: () => 'the instance has TDE (transparent data encryption) on: its backups are encrypted',
};

export function problemText(problem: Pick<Problem, 'code' | 'params'>): string {
  return ENGLISH[problem.code](problem.params);
}

/** Thrown by the verifier where it stops; the report carries it as `problem`. */
export class RdbProblem extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly offset: number,
    readonly params: ProblemParams = {},
  ) {
    super(problemText({ code, params }));
    this.name = 'RdbProblem';
  }

  toProblem(): Problem {
    return { code: this.code, offset: this.offset, params: this.params };
  }
}
