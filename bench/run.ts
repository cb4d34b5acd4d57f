// `npm run bench`: the console's data path measured side by side in one run, against the emulator in its
// own process with a fixed upstream latency. Prints numbers and ratios, asserts nothing: these machines are
// shared and noisy, so read the numbers, don't gate on them.
import { buildIfNeeded } from '../scripts/build-if-needed';
import { measureFirstLoadJs } from './first-load-js';
import { runInProcess } from './in-process';
import { runOverHttp } from './over-http';
import { runSignInSpray } from './sign-in-spray';
import { runVerify } from './verify';
import { startEmulator, stopAll } from './processes';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

// `js`: the first-load JavaScript of the backups page, from the production build.
const PARTS = (process.env.BENCH_PARTS ?? 'data,http,js,verify').split(',');

async function main(): Promise<void> {
  if (PARTS.includes('http') || PARTS.includes('js')) buildIfNeeded();
  const emulator = await startEmulator({
    EMULATOR_LATENCY_MS: String(LATENCY_MS),
    EMULATOR_SCALE_BACKUPS: '1000000',
  });
  const emulatorUrl = emulator.url;
  console.log(`Emulator at ${emulatorUrl}, ${LATENCY_MS} ms added to every API call.\n`);
  if (PARTS.includes('data')) for (const line of await runInProcess(emulator, ROUNDS)) console.log(line);
  if (PARTS.includes('http')) {
    const { lines, consoleUrl } = await runOverHttp({
      emulator,
      latencyMs: LATENCY_MS,
      usersSeconds: Number(process.env.BENCH_USERS_SECONDS ?? 60),
      throughputSeconds: Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10),
    });
    console.log('');
    for (const line of lines) console.log(line);
    console.log('');
    for (const line of await runSignInSpray(consoleUrl)) console.log(line);
  }
  if (PARTS.includes('js')) {
    console.log('');
    for (const line of await measureFirstLoadJs(emulator)) console.log(line);
  }
  if (PARTS.includes('verify')) {
    console.log('');
    for (const line of await runVerify(emulator, ROUNDS)) console.log(line);
  }
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(stopAll);
