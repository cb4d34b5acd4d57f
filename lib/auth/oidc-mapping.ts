import { ROLES, type Role } from './roles';

// Maps an identity provider's groups to our role and instance scope. Pure.

export function parsePairs(text: string, name: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = item.indexOf('=');
    if (eq <= 0 || eq === item.length - 1)
      throw new Error(`${name}: expected group=value pairs, got "${item}"`);
    pairs.set(item.slice(0, eq).trim(), item.slice(eq + 1).trim());
  }
  return pairs;
}

export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const [group, role] of parsePairs(text, 'OIDC_ROLE_MAP')) {
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new Error(`OIDC_ROLE_MAP: role "${role}" for group "${group}" is not one of ${ROLES.join(', ')}`);
    }
    map.set(group, role as Role);
  }
  return map;
}

/** The strongest role any of the groups grants; `*` applies to everyone; null means no access. */
export function roleForGroups(groups: readonly string[], map: Map<string, Role>): Role | null {
  const granted = [...groups, '*'].map((g) => map.get(g)).filter((r): r is Role => r !== undefined);
  if (granted.length === 0) return null;
  return granted.reduce((best, r) => (ROLES.indexOf(r) > ROLES.indexOf(best) ? r : best));
}

/** Union of the scopes of the user's listed groups; null (every instance) when none is listed. */
export function scopeForGroups(groups: readonly string[], scopeMap: Map<string, string>): string[] | null {
  const globs = groups.flatMap(
    (g) =>
      scopeMap
        .get(g)
        ?.split('|')
        .map((s) => s.trim())
        .filter(Boolean) ?? [],
  );
  return groups.some((g) => scopeMap.has(g)) ? globs : null;
}

export function groupsFromClaims(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((g): g is string => typeof g === 'string');
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return [];
}
