/** Polls until `check` holds or `ms` has passed, and returns the last value: tests wait on conditions, never sleeps. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (v: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
