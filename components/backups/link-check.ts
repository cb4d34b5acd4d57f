import { backupsQuerySchema, type BackupsSearchParams } from '@/lib/backups/query';

// A link can carry anything; what the API would refuse is explained on the page instead of being sent.
// The API's schema decides what is wrong; the page says it in the reader's words (`backups.invalid.*`).

export interface InvalidValue {
  field: keyof BackupsSearchParams;
  value: string;
}

/** Every value the API would refuse, except the range, which `checkRange` explains in its own words. */
export function invalidValues(params: BackupsSearchParams): InvalidValue[] {
  const result = backupsQuerySchema.safeParse(params);
  if (result.success) return [];
  const found = new Map<keyof BackupsSearchParams, InvalidValue>();
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof BackupsSearchParams;
    if (field === 'start' || field === 'end' || found.has(field)) continue;
    found.set(field, { field, value: params[field] ?? '' });
  }
  return [...found.values()];
}
