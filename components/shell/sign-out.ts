'use client';

// Signing out the way next-auth's own client does (its CSRF token, then a POST to /api/auth/signout), without
// loading next-auth's React client on every console page for this one call.

export async function signOut(callbackUrl: string): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
    const res = await fetch('/api/auth/signout', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Auth-Return-Redirect': '1' },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: 'true' }),
    });
    const { url } = (await res.json()) as { url?: string };
    window.location.assign(url ?? callbackUrl);
  } catch {
    // The session may be gone already: the sign-in page is where the person ends up either way.
    window.location.assign(callbackUrl);
  }
}
