/** One readiness check as /api/ready shows it: whether it passed and, when there is more to say, why. */
export interface Check {
  ok: boolean;
  message?: string;
}
