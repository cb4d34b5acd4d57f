// `npm run user:add -- <name> --role <viewer|downloader|admin> [--scope 'r-bp1*,r-uf6*'] [--file path]`
// Asks for the password twice (never on the command line) and writes the hashed entry to the users file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { hashPassword } from '../lib/auth/password';
import { ROLES, type Role } from '../lib/auth/roles';
import { DEMO_USERNAMES } from '../lib/auth/startup-check';
import { parseUsersFile, userEntrySchema, type UserEntry } from '../lib/auth/users-file';

function fail(message: string): never {
  console.error(`user:add: ${message}`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const out: { name?: string; role?: string; scope?: string; file?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--role' || arg === '--scope' || arg === '--file') {
      const value = argv[++i];
      if (!value) fail(`${arg} needs a value`);
      out[arg.slice(2) as 'role' | 'scope' | 'file'] = value;
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
    else if (!out.name) out.name = arg;
    else fail(`unexpected argument ${arg}`);
  }
  return out;
}

/** Reads a line without echoing it when stdin is a terminal. */
function askHidden(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close();
      if (process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const file = args.file ?? process.env.AUTH_USERS_FILE ?? './data/users.json';
  if (!args.name)
    fail(
      'usage: npm run user:add -- <name> --role <viewer|downloader|admin> [--scope "r-bp1*,r-uf6*"] [--file path]',
    );
  if (!args.role || !(ROLES as readonly string[]).includes(args.role))
    fail(`--role must be one of ${ROLES.join(', ')}`);
  if ((DEMO_USERNAMES as readonly string[]).includes(args.name))
    fail(`"${args.name}" is reserved for demo mode; choose another name`);

  const users: UserEntry[] = existsSync(file) ? parseUsersFile(readFileSync(file, 'utf8'), file) : [];
  const password = await askHidden(`Password for ${args.name}: `);
  if (password.length < 12) fail('the password must have at least 12 characters');
  if (password === args.name) fail('the password must not be the user name');
  if (process.stdin.isTTY && (await askHidden('Repeat it: ')) !== password) fail('the passwords differ');

  const entry = userEntrySchema.safeParse({
    username: args.name,
    passwordHash: await hashPassword(password),
    role: args.role as Role,
    ...(args.scope
      ? {
          scope: args.scope
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
  });
  if (!entry.success) fail(entry.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

  const next = [...users.filter((u) => u.username !== entry.data.username), entry.data];
  // Write a sibling file and rename it over the old one, so a crash never leaves half a users file.
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ users: next }, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  console.log(
    `${users.length === next.length ? 'Updated' : 'Added'} ${entry.data.username} (${entry.data.role}) in ${file}`,
  );
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
