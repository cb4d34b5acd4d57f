import { spawn, type ChildProcess } from 'node:child_process';

// The processes `npm run demo` runs: each started with its output prefixed and awaited until it says it
// is ready, all stopped together (SIGTERM, then SIGKILL for any still running after a grace period).
// They stay in the demo's process group, so whatever kills the group (a terminal's Ctrl-C, Playwright)
// reaches them too.

export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly root: string,
    /** A child that exits on its own, while nothing is stopping. */
    private readonly onExit: (name: string, code: number | null) => void,
  ) {}

  /** `nodeArgs`: Node's own arguments (`--import tsx file.ts …`, not the tsx CLI: one process per child, nothing in between to relay signals). */
  start(name: string, nodeArgs: string[], env: Record<string, string>, ready: RegExp): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, nodeArgs, {
        cwd: this.root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.children.set(name, child);
      let seen = false;
      const onData = (chunk: Buffer) => {
        const text = chunk.toString();
        for (const line of text.split('\n').filter(Boolean)) console.log(`[${name}] ${line}`);
        if (!seen && ready.test(text)) {
          seen = true;
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code) => {
        this.children.delete(name);
        if (!seen) reject(new Error(`${name} exited with code ${code} before it was ready`));
        else if (!this.stopping) this.onExit(name, code);
      });
    });
  }

  /** Stops every child; resolves once all have exited. */
  async stopAll(graceMs: number): Promise<void> {
    this.stopping = true;
    const running = [...this.children.values()];
    const exited = running.map(
      (child) =>
        new Promise<void>((resolve) =>
          child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
        ),
    );
    for (const child of running) child.kill('SIGTERM');
    const timer = setTimeout(() => {
      for (const child of this.children.values()) child.kill('SIGKILL');
    }, graceMs);
    await Promise.all(exited);
    clearTimeout(timer);
  }
}
