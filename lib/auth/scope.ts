// Instance scopes are glob patterns over instance ids (`r-bp1*`, `r-uf6?abc*`). Pure.

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/** `null` scope means every instance; an empty list means none. */
export function inScope(instanceId: string, scope: readonly string[] | null): boolean {
  return scope === null || scope.some((glob) => globToRegExp(glob).test(instanceId));
}
