/** Above this the id grid (one start second per backup over a year) would get too tight. */
export const MAX_SCALE_BACKUPS = 5_000_000;

function invalid(name: string, shown: string): Error {
  return new Error(
    `${name} must be a whole number from 1 to ${MAX_SCALE_BACKUPS.toLocaleString('en-US')}, got ${shown}`,
  );
}

/** Validates the bulk instance's backup count given in code. */
export function checkScaleBackups(n: number, name = 'scaleBackups'): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_SCALE_BACKUPS) throw invalid(name, String(n));
  return n;
}

/** `EMULATOR_SCALE_BACKUPS`: unset or empty = no bulk instance; digits only (`1000000`, not `1e6`). */
export function parseScaleBackups(
  value: string | undefined,
  name = 'EMULATOR_SCALE_BACKUPS',
): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_SCALE_BACKUPS) throw invalid(name, `"${value}"`);
  return n;
}
