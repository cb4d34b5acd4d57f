import type { Dataset, RawBackup } from '../seed';

export interface ActionContext {
  params: Record<string, string>;
  dataset: Dataset;
  /** Fresh presigned public and intranet URLs for a backup, or empty strings when it has no file. */
  downloadUrls(instanceId: string, backup: RawBackup): { publicUrl: string; intranetUrl: string };
}

export type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;
