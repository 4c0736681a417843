import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

// zod runs this refinement even after the URL check failed, so it must not assume a parsable URL.
function isBareOrigin(v: string): boolean {
  if (!URL.canParse(v)) return false;
  const u = new URL(v);
  return u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password;
}

/** An optional secret: unset and empty both mean "not configured", and a value must start with one of `prefixes`. */
const secret = (prefixes: readonly string[], what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || prefixes.some((p) => v.startsWith(p)), `must be ${what} (${prefixes.join(' or ')}...)`);

/** Every setting, parsed once from the environment. Each one is documented in the README's configuration table. */
const schema = z.object({
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional().transform((v) => (v ? v : undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  PUBLIC_BASE_URL: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(60),
  LOGIN_MAX_PER_EMAIL_AND_ADDRESS: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(100),
  LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  RESET_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  SIGNUP_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  SIGNUP_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(3),
  SIGNUP_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60 * 60),
  USER_EMAIL_CLASH_MAX_PER_ORGANIZATION: z.coerce.number().int().min(1).default(10),
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  AVAILABILITY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  REPORTS_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
  EXPORT_BATCH_ROWS: z.coerce.number().int().min(100).max(50_000).default(1000),
  HOLD_MINUTES: z.coerce.number().int().min(1).max(120).default(10),
  EVENTS_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: bool.default(false),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  WEBHOOK_DISPATCH_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(20),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  JSON_MAX_DEPTH: z.coerce.number().int().min(8).max(1000).default(64),
  // A publishable key (pk_) pasted here by mistake is refused at start rather than at the first payment.
  STRIPE_SECRET_KEY: secret(['sk_', 'rk_'], 'a Stripe secret or restricted key'),
  STRIPE_WEBHOOK_SECRET: secret(['whsec_'], "a webhook endpoint's signing secret"),
  // Not a secret: the widget hands it to Stripe.js to show the Payment Element (a secret key here is refused).
  STRIPE_PUBLISHABLE_KEY: secret(['pk_'], 'a Stripe publishable key'),
  // The SDK takes a host, port and protocol, not a base URL: a path or query here could not be honoured.
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/ })
    .default('https://api.stripe.com')
    .refine(isBareOrigin, 'must be scheme://host[:port] with no path, query or credentials'),
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Unset: deliveries are recorded and logged as skipped, nothing is sent (docs/notifications.md).
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || (URL.canParse(v) && /^smtps?:$/.test(new URL(v).protocol)), 'must be smtp://user:pass@host:port or smtps://...'),
  MAIL_FROM: z.string().min(3).max(320).default('BookingTMS <no-reply@bookingtms.invalid>'),
  // Bounds each phase of an SMTP conversation (connect, greeting, every reply): a hanging server fails the attempt.
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // SMS through Twilio's SDK. All three of SID, token and sender, or none: unset, SMS deliveries are recorded and
  // logged as skipped, nothing is sent (docs/notifications.md).
  TWILIO_ACCOUNT_SID: secret(['AC'], 'a Twilio account SID'),
  TWILIO_AUTH_TOKEN: z.string().optional().transform((v) => (v ? v : undefined)),
  // A sender number in E.164 (+15005550006) or a Messaging Service SID (MG...).
  TWILIO_FROM: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\+[1-9]\d{6,14}$/.test(v) || /^MG[0-9a-f]{32}$/i.test(v), 'must be a number in E.164 (+15005550006) or a Messaging Service SID (MG...)'),
  // The SDK's requests go to this origin instead of Twilio's (tests point it at a local fake of Twilio's HTTP API).
  TWILIO_API_BASE: z
    .url({ protocol: /^https?$/ })
    .default('https://api.twilio.com')
    .refine(isBareOrigin, 'must be scheme://host[:port] with no path, query or credentials'),
  TWILIO_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  WORKERS: bool.default(true),
  JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(50).default(5),
  JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  // A job whose worker died (kill -9) runs again within about twice this (pg-boss heartbeats; its minimum is 10).
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(3600).default(30),
});

export type Config = z.infer<typeof schema>;

const TWILIO_CREDENTIALS = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;

// Half a Twilio set-up is a mistake to report at start, not a silent "SMS off".
const complete = schema.superRefine((c, ctx) => {
  const given = TWILIO_CREDENTIALS.filter((k) => c[k] !== undefined);
  if (given.length === 0 || given.length === TWILIO_CREDENTIALS.length) return;
  for (const k of TWILIO_CREDENTIALS.filter((name) => c[name] === undefined)) {
    ctx.addIssue({ code: 'custom', path: [k], message: `is required with ${given.join(' and ')} (set all three, or none to leave SMS off)` });
  }
});

/** Parses the environment; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = complete.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The base URL links in emails point at. */
export function publicBaseUrl(config: Config): string {
  return config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`;
}
