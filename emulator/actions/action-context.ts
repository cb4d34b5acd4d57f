import type { Dataset, RawBackup } from '../seed';

export interface ActionContext {
  params: Record<string, string>;
  dataset: Dataset;
  /** The real clock (tasks and running sets are read off it). */
  nowMs: number;
  /** Fresh presigned public and intranet URLs for a backup, or empty strings when it has no file. */
  downloadUrls(instanceId: string, backup: RawBackup): { publicUrl: string; intranetUrl: string };
}

export type ActionHandler = (ctx: ActionContext) => Record<string, unknown>;
