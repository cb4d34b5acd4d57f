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

const ENGLISH: Record<ProblemCode, (params: ProblemParams) => string> = {
  bad_magic: (x) => `not an RDB file: it starts with ${p(x, 'found')} instead of REDIS`,
  gzip: () => 'a gzip archive (a logical backup), not an RDB file',
  aof: () => 'an AOF file (an incremental backup), not an RDB file',
  bad_version: (x) => `the RDB version ${p(x, 'found')} is not a number from 1`,
  newer_version: (x) => `RDB version ${p(x, 'version')} is newer than the ${p(x, 'max')} this verifier reads`,
  invalid_type: (x) => `unknown value type or opcode ${p(x, 'type')}`,
  bad_length: (x) => `invalid length encoding 0x${p(x, 'byte')}`,
  bad_string_encoding: (x) => `invalid string encoding 0x${p(x, 'byte')}`,
  bad_lzf: (x) => `invalid LZF-compressed string: ${p(x, 'reason')}`,
  bad_blob: (x) => `invalid ${p(x, 'encoding')} in key ${p(x, 'key')}: ${p(x, 'reason')}`,
  bad_score: (x) => `invalid sorted-set score in key ${p(x, 'key')}`,
  bad_quicklist_container: (x) =>
    `invalid quicklist node container ${p(x, 'container')} in key ${p(x, 'key')}`,
  bad_stream: (x) => `invalid stream in key ${p(x, 'key')}: ${p(x, 'reason')}`,
  module_pre_ga: (x) =>
    `module value in the pre-release format (module ${p(x, 'module')}), which cannot be read`,
  module_opcode: (x) => `unknown opcode ${p(x, 'opcode')} in a value of module ${p(x, 'module')}`,
  module_aux_when: (x) => `module auxiliary data with opcode ${p(x, 'opcode')} where 2 was expected`,
  function_pre_ga: () => 'functions in the Redis 7.0 release-candidate format',
  checksum_mismatch: (x) =>
    `CRC-64 mismatch: the file says ${p(x, 'stored')}, its bytes give ${p(x, 'computed')}`,
  trailing_bytes: (x) => `${p(x, 'count')} bytes after the checksum`,
  size_mismatch: (x) => `the file has ${p(x, 'actual')} bytes, the backup's size is ${p(x, 'expected')}`,
  truncated: (x) => `the file ends while reading ${p(x, 'reading')}`,
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
