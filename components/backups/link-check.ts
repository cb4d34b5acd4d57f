import { refusedValues, type BackupsSearchParams } from '@/lib/backups/query-rules';

// A link can carry anything; what the API would refuse is explained on the page instead of being sent.
// The rules are the API's own (lib/backups/query-rules); the page says them in the reader's words
// (`backups.invalid.*`).

export interface InvalidValue {
  field: keyof BackupsSearchParams;
  value: string;
}

/** Every value the API would refuse, except the range, which `checkRange` explains in its own words. */
export function invalidValues(params: BackupsSearchParams): InvalidValue[] {
  return refusedValues(params).map((field) => ({ field, value: params[field] ?? '' }));
}
