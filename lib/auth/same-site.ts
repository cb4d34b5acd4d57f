// Where a sign-in may send a person afterwards: a path on this site, never another origin.

export function safeCallbackPath(target: string | null | undefined, origin: string): string {
  if (!target) return '/';
  try {
    const url = new URL(target, origin);
    if (url.origin !== origin) return '/';
    // Normalising `/.//evil.example` yields `//evil.example`, which a browser reads as another host.
    if (/^[/\\]{2}/.test(url.pathname)) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}
