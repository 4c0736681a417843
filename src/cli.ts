import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { createSuperAdmin, hashPassword } from './modules/users/service.js';
import { formatSeedResult, progressBar } from './demo/report.js';
import { DEFAULT_BOOKINGS, seedDemo } from './demo/seed.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-super-admin --email <email> [--name <full name>] [--password <password>]
      Creates the platform operator, who can act inside any organization (X-Organization-Id header).
      Without --password a random one is generated and printed once.
  seed-demo [--bookings N] [--customers N] [--seed S] [--password P]
      Builds the demo escape-room business (organization, staff, 2 venues, 6 games, customers, bookings past
      and future) and prints its logins. Default ${DEFAULT_BOOKINGS} bookings, customers 30% of that (at least 200),
      seed "escape-works", password "escape-works-demo". Does nothing if the demo already exists.`;

/** Runs as the database owner (not the app role): the operator's own tool. */
async function createSuperAdminCommand(db: Database, args: string[]) {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email)) throw new Error('--email is required');
  const password = values.password ?? randomBytes(12).toString('base64url');
  if (password.length < 10) throw new Error('--password must be at least 10 characters');
  const hash = await hashPassword(password);
  await createSuperAdmin(db, { email: values.email, fullName: values.name ?? 'Platform operator', passwordHash: hash });
  console.log(`Created super_admin ${values.email}${values.password ? '' : ` with password: ${password}`}`);
}

/** Runs as the database owner: bulk loading in one transaction (see src/demo/seed.ts). */
async function seedDemoCommand(db: Database, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { bookings: { type: 'string' }, customers: { type: 'string' }, seed: { type: 'string' }, password: { type: 'string' } },
  });
  const count = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v.replace(/_/g, ''))) throw new Error(`--${name} must be a whole number`);
    return Number(v.replace(/_/g, ''));
  };
  const bar = progressBar();
  try {
    const result = await seedDemo(db, {
      bookings: count('bookings', values.bookings),
      customers: count('customers', values.customers),
      seed: values.seed,
      password: values.password,
      onProgress: bar.onProgress,
    });
    bar.stop();
    console.log(formatSeedResult(result));
  } finally {
    bar.stop();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  const db = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await migrate(db);
    switch (command) {
      case 'create-super-admin':
        await createSuperAdminCommand(db, rest);
        break;
      case 'seed-demo':
        await seedDemoCommand(db, rest);
        break;
      default:
        throw new Error(`Unknown command ${command}\n\n${USAGE}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
