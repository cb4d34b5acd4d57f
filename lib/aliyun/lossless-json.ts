// Pure: JSON.parse turns an int64 like 1234567890123456789 into 1234567890123456800 before any of our code sees
// it. Node 20 has no source-text reviver, so integers too large for a double are quoted before parsing; the
// normalizer reads ids as strings and numbers from numeric strings anyway.

export function parseJsonLosslessly(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

export function quoteUnsafeIntegers(text: string): string {
  let out = '';
  let i = 0;
  let copiedUpTo = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      i = skipString(text, i);
      continue;
    }
    if (ch === '-' || (ch >= '0' && ch <= '9')) {
      const start = i;
      i++;
      while (i < text.length && /[0-9eE.+-]/.test(text[i]!)) i++;
      const token = text.slice(start, i);
      if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += `${text.slice(copiedUpTo, start)}"${token}"`;
        copiedUpTo = i;
      }
      continue;
    }
    i++;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Returns the index just past the closing quote (or the end, for an unterminated string JSON.parse will reject). */
function skipString(text: string, openQuote: number): number {
  let i = openQuote + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return i;
}
