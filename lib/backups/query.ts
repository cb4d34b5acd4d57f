import { z } from 'zod';
import { DATE_TIME_EXAMPLE, parseDateTime } from '@/lib/dates';
import { FACETS } from './facets';
import {
  BACKUP_ID_PATTERN,
  DEFAULT_SORT,
  INSTANCE_ID_PATTERN,
  isPageSize,
  isSort,
  isWholeNumber,
  MAX_NODES,
  MAX_PAGE,
  MAX_SEARCH_LENGTH,
  NODE_ID_PATTERN,
  PAGE_SIZES,
  SORT_FIELDS,
  splitList,
  type PageSize,
  type SortField,
} from './query-rules';

// The backups query: the same schema validates the route handler's input and builds the
// browser's request, so the two can never disagree on names or allowed values.

export {
  BACKUP_ID_PATTERN,
  backupsApiPath,
  DEFAULT_SORT,
  INSTANCE_ID_PATTERN,
  MAX_NODES,
  PAGE_SIZES,
  SORT_FIELDS,
  type BackupsSearchParams,
  type PageSize,
  type SortField,
} from './query-rules';

const isoDateTime = () =>
  z.string({ error: `required: an ISO 8601 date-time such as ${DATE_TIME_EXAMPLE}` }).transform((v, ctx) => {
    const date = parseDateTime(v);
    if (date) return date;
    ctx.addIssue({
      code: 'custom',
      message: `expected an ISO 8601 date-time with an offset between 2010 and 2100, such as ${DATE_TIME_EXAMPLE}`,
    });
    return z.NEVER;
  });

/** A comma list whose every item is one of `values`. Empty means "no filter". */
function enumList<T extends string>(values: readonly T[]) {
  return z
    .string()
    .optional()
    .transform((v) => splitList(v))
    .pipe(
      z.array(
        z.enum(values as unknown as [T, ...T[]], { error: `expected one or more of ${values.join(', ')}` }),
      ),
    );
}

const sortSchema = z
  .string()
  .default(DEFAULT_SORT)
  .refine(isSort, { error: `expected <field>.<asc|desc> with field one of ${SORT_FIELDS.join(', ')}` })
  .transform((v) => {
    const [field, dir] = v.split('.') as [SortField, 'asc' | 'desc'];
    return { field, dir };
  });

export const backupsQuerySchema = z
  .object({
    start: isoDateTime(),
    end: isoDateTime(),
    status: enumList(FACETS.status.values),
    type: enumList(FACETS.type.values),
    mode: enumList(FACETS.mode.values),
    method: enumList(FACETS.method.values),
    node: z
      .string()
      .optional()
      .transform((v) => splitList(v))
      .pipe(
        z
          .array(z.string().regex(NODE_ID_PATTERN, 'expected node ids such as r-bp1abc-db-0'))
          .max(MAX_NODES, `expected at most ${MAX_NODES} node ids`),
      ),
    q: z
      .string()
      .max(MAX_SEARCH_LENGTH, `expected at most ${MAX_SEARCH_LENGTH} characters`)
      .optional()
      .transform((v) => v?.trim() || undefined),
    sort: sortSchema,
    page: z
      .string()
      .optional()
      .refine((v) => v === undefined || isWholeNumber(v, 1, MAX_PAGE), {
        error: 'expected a whole number from 1',
      })
      .transform((v) => (v === undefined ? 1 : Number(v))),
    pageSize: z
      .string()
      .optional()
      .refine((v) => v === undefined || isPageSize(v), { error: `expected one of ${PAGE_SIZES.join(', ')}` })
      .transform((v) => (v === undefined ? PAGE_SIZES[0] : (Number(v) as PageSize))),
    /** On a classic cluster, a page of whole jobs (pageSize and total count jobs). */
    group: z.enum(['job'], { error: 'expected job (or omit it)' }).optional(),
  })
  // Zod runs this even when a field failed; only compare two real dates.
  .refine((q) => !(q.start instanceof Date && q.end instanceof Date) || q.end.getTime() > q.start.getTime(), {
    path: ['end'],
    error: 'expected a time after start',
  });

export type BackupsQuery = z.output<typeof backupsQuerySchema>;

export const instanceParamsSchema = z.object({
  instanceId: z.string().regex(INSTANCE_ID_PATTERN, 'expected an instance id such as r-bp1abcdefghijklm'),
});

export const backupParamsSchema = instanceParamsSchema.extend({
  backupId: z.string().regex(BACKUP_ID_PATTERN, 'expected a numeric backup id'),
});

/** An export: the table's filters and sort over the whole range, every matching row. */
export const exportQuerySchema = backupsQuerySchema.safeExtend({
  format: z.enum(['csv', 'json'], { error: 'expected csv or json' }).default('csv'),
});
export type ExportQuery = z.output<typeof exportQuerySchema>;

/** A refresh re-reads a range from Alibaba Cloud. */
export const rangeQuerySchema = z
  .object({ start: isoDateTime(), end: isoDateTime() })
  .refine((q) => !(q.start instanceof Date && q.end instanceof Date) || q.end.getTime() > q.start.getTime(), {
    path: ['end'],
    error: 'expected a time after start',
  });

/** A classic cluster's job (BackupJobID, digits) or a cloud-native cluster's backup set (`cb-…`). */
export const JOB_ID_PATTERN = /^(\d{1,20}|cb-[a-z0-9]{1,40})$/;

export const jobParamsSchema = instanceParamsSchema.extend({
  jobId: z.string().regex(JOB_ID_PATTERN, 'expected a job id (digits) or a backup set id (cb-…)'),
});

/** A backup's details: a backup or node id (digits), or a backup set id. */
export const backupRefParamsSchema = instanceParamsSchema.extend({
  backupId: z.string().regex(JOB_ID_PATTERN, 'expected a numeric backup id or a backup set id (cb-…)'),
});

export const jobScriptQuerySchema = z.object({
  variant: z.enum(['public', 'intranet'], { error: 'expected public or intranet' }).default('public'),
  /** A job with shards that have no file is refused unless the user confirmed downloading the rest. */
  confirm: z.enum(['incomplete'], { error: 'expected incomplete (or omit it)' }).optional(),
});

export const downloadQuerySchema = z.object({
  variant: z.enum(['public', 'intranet'], { error: 'expected public or intranet' }).default('public'),
  format: z
    .enum(['redirect', 'json'], { error: 'expected json (or omit it for a redirect)' })
    .default('redirect'),
  /** With format=json: `download` when the console starts a download with the URL, else the URL is shown or copied. */
  intent: z.enum(['download', 'copy'], { error: 'expected download or copy' }).default('copy'),
});

/** The newest backup before a time (an empty range's start). */
export const latestQuerySchema = z.object({ before: isoDateTime() });
