// `npm run bench`: the console's data path measured side by side in one run, against the emulator in its
// own process with a fixed upstream latency. Prints numbers and ratios, asserts nothing: these machines are
// shared and noisy, so read the numbers, don't gate on them.
import { runInProcess } from './in-process';
import { startEmulatorProcess, stopAll } from './processes';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

async function main(): Promise<void> {
  const emulatorUrl = await startEmulatorProcess({ EMULATOR_LATENCY_MS: String(LATENCY_MS) });
  console.log(`Emulator at ${emulatorUrl}, ${LATENCY_MS} ms added to every API call.\n`);
  for (const line of await runInProcess(emulatorUrl, ROUNDS)) console.log(line);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(stopAll);
