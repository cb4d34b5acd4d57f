import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '@/lib/i18n/locales';
import { readMessages } from '@/lib/i18n/messages';
import { STATUS_OF, problemText, type ProblemCode, type ProblemParams } from '@/lib/verify/problems';
import { problemSentence, type VerifyTranslator } from './use-verify-text';

// Every problem the verifier can report reads as a whole sentence in every language: no code shown raw, no
// placeholder left unfilled. The parameters are the ones the verifier really sends.

const SAMPLES: Array<[ProblemCode, ProblemParams]> = [
  ['bad_magic', { found: '48 45 4c 4c 4f' }],
  ['gzip', {}],
  ['aof', {}],
  ['bad_version', { found: '00x9' }],
  ['newer_version', { version: 13, max: 12 }],
  ['invalid_type', { type: 90 }],
  ['bad_length', { byte: '82' }],
  ['bad_string_encoding', { byte: 'c4' }],
  ['bad_lzf', { reason: 'backref_before_start' }],
  ['bad_lzf', { reason: 'too_short', produced: 3, expected: 10 }],
  ['bad_lzf', { reason: 'literal_past_end' }],
  ['bad_lzf', { reason: 'too_long' }],
  ['bad_lzf', { reason: 'backref_cut' }],
  ['bad_blob', { encoding: 'ziplist', key: 'k', reason: 'size', stated: 99, length: 60 }],
  ['bad_blob', { encoding: 'ziplist', key: 'k', reason: 'tail', tail: 3 }],
  ['bad_blob', { encoding: 'intset', key: 'k', reason: 'width', width: 3 }],
  ['bad_blob', { encoding: 'intset', key: 'k', reason: 'count', count: 5, width: 2, length: 12 }],
  ['bad_blob', { encoding: 'listpack', key: 'k', reason: 'short', length: 2 }],
  ['bad_blob', { encoding: 'listpack', key: 'k', reason: 'end' }],
  ['bad_blob', { encoding: 'listpack', key: 'k', reason: 'integer' }],
  ['bad_score', { key: 'z' }],
  ['bad_quicklist_container', { container: 3, key: 'q' }],
  ['bad_stream', { key: 's', reason: 'id_length', length: 5 }],
  ['bad_stream', { key: 's', reason: 'encoded_id' }],
  ['module_pre_ga', { module: 'exstrtype' }],
  ['module_opcode', { opcode: 9, module: 'tairhash-' }],
  ['module_aux_when', { opcode: 5 }],
  ['function_pre_ga', {}],
  ['checksum_mismatch', { stored: '7ec7c35046ee19cd', computed: '7fe48637cf45d422' }],
  ['trailing_bytes', { count: 4 }],
  ['size_mismatch', { expected: 10, actual: 9 }],
  ['truncated', { reading: 'value', key: 'blob:00000001' }],
  ['truncated', { reading: 'checksum' }],
  ['encrypted', {}],
];

describe('verify messages', () => {
  it('cover every problem code', () => {
    expect(new Set(SAMPLES.map(([code]) => code))).toEqual(new Set(Object.keys(STATUS_OF)));
  });

  it.each(LOCALES)('word every problem in %s', (locale) => {
    const t = createTranslator({
      locale,
      messages: readMessages(locale),
      namespace: 'verify',
    }) as unknown as VerifyTranslator;
    for (const [code, params] of SAMPLES) {
      const sentence = problemSentence(t, { code, params });
      expect(sentence, code).not.toMatch(/[{}]|problems\.|reason\.|reading\./);
      expect(sentence.length, code).toBeGreaterThan(5);
      for (const value of Object.values(params))
        if (!['reason', 'reading'].includes(String(value)) && typeof value === 'number')
          expect(sentence, `${code} shows ${value}`).toContain(String(value));
    }
  });

  it('say the same in English on the server (logs, audit) as in the console', () => {
    for (const [code, params] of SAMPLES) expect(problemText({ code, params }), code).not.toContain('?');
  });
});
