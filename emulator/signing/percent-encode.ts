/** RFC 3986 encoding as Alibaba specifies it: keep A-Z a-z 0-9 - _ . ~, everything else %XX (uppercase). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
