// Whether a request comes from a page of this site. Browsers mark every request with Sec-Fetch-Site, which a
// page cannot forge; older ones send Origin on cross-origin requests. A request with neither is a direct
// one (an address typed, curl, wget, a script), which a page on another site cannot make with the cookie.

export interface RequestSite {
  foreign: boolean;
  /** What the browser said, for the audit log. */
  evidence: string;
}

const OWN_SITE = new Set(['same-origin', 'none']);

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** `ownHost`: the host this request was addressed to (as the browser saw it, behind a proxy too). */
export function requestSite(headers: Headers, ownHost: string): RequestSite {
  const fetchSite = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  const evidence = [
    fetchSite !== null && `sec-fetch-site=${fetchSite.slice(0, 32)}`,
    origin !== null && `origin=${origin.slice(0, 100)}`,
  ]
    .filter(Boolean)
    .join(', ');
  // A sibling subdomain (same-site) may be someone else's, so only same-origin and none count as ours.
  if (fetchSite !== null) return { foreign: !OWN_SITE.has(fetchSite), evidence };
  if (origin !== null) return { foreign: hostOf(origin) !== ownHost, evidence };
  return { foreign: false, evidence };
}
