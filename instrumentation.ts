export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { checkStartup } = await import('@/lib/auth/check-startup');
  await checkStartup();
  const { startWarmerIfEnabled } = await import('@/lib/backup-index/warmer');
  startWarmerIfEnabled();
}
