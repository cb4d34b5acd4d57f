import { z } from 'zod';
import { BACKUP_ID_PATTERN, instanceParamsSchema } from '@/lib/backups/query';

// The verify routes' inputs: shared by the route handlers and the console's requests.

/** A page of the table at most, and a whole job of the largest clusters. */
export const MAX_BACKUP_IDS = 300;

export const verificationsQuerySchema = z.object({
  backupIds: z
    .string({ error: 'required: comma-separated backup ids' })
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().regex(BACKUP_ID_PATTERN, 'expected numeric backup ids'))
        .min(1, 'expected at least one backup id')
        .max(MAX_BACKUP_IDS, `expected at most ${MAX_BACKUP_IDS} backup ids`),
    ),
});

export const jobParamsSchema = instanceParamsSchema.extend({
  jobId: z.string().regex(BACKUP_ID_PATTERN, 'expected a numeric job id'),
});
