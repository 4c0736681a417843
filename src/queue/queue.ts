import { fromPglite, PgBoss, type JobResult, type JobWithMetadata, type SendOptions } from 'pg-boss';
import type { Database, Queryable } from '../db/client.js';
import { APP_ROLE } from '../db/tenant.js';

/**
 * Every job and its payload. Payloads carry ids, never content: the rows they point at live in tenant tables
 * under RLS, while pg-boss's job table is one table for all tenants (the app role may insert into it, not read it).
 * The one exception is `mail-platform`, a platform mail to an account without an organization (docs/notifications.md).
 */
export interface JobPayloads {
  'notification-deliver': { organization_id: string; delivery_id: string };
  'mail-platform': { event: string; to: string; subject: string; text: string };
  /** Due `offset_minutes` before `start_at`, the start it was made for (a moved booking's old reminders skip themselves). */
  'booking-reminder': { organization_id: string; booking_id: string; offset_minutes: number; start_at: string };
}
export type JobName = keyof JobPayloads;
export const JOB_NAMES: readonly JobName[] = ['notification-deliver', 'mail-platform', 'booking-reminder'];

export interface EnqueueOptions {
  /** Not before this instant (a reminder). */
  startAfter?: Date;
  /** pg-boss's singleton key: with a queue policy that honours it, at most one job per key. */
  singletonKey?: string;
}

/**
 * What modules see of the job queue: work is put in it by a statement of the caller's own transaction, so a
 * rolled-back change sends nothing and a committed one cannot lose its job.
 */
export interface JobQueue {
  enqueue<N extends JobName>(tx: Queryable, name: N, payload: JobPayloads[N], opts?: EnqueueOptions): Promise<string | null>;
}

/** Which attempt a handler is running: `final` when a failure now leaves the job dead (failed, no retry). */
export interface Attempt {
  jobId: string;
  number: number;
  final: boolean;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], attempt: Attempt) => Promise<void>;
export type JobHandlers = { [N in JobName]: JobHandler<N> };

export interface QueueSettings {
  retryLimit: number;
  retryDelaySeconds: number;
  pollSeconds: number;
  /** Expire (and retry) an active job after this long: a handler that hangs does not hold its job forever. */
  expireSeconds?: number;
  /**
   * A running job's worker touches it every half of this; a job untouched this long (its process died: kill -9,
   * power loss) is failed and retried. pg-boss's monitor looks this often too, so a crashed worker's job runs again
   * within about twice this, not after the 5-minute expiry (docs/operations.md). At least 10 (pg-boss's minimum).
   */
  heartbeatSeconds: number;
  onError: (err: unknown) => void;
}

/** Due jobs a worker fetches at once (run one after another). */
const BATCH = 10;

// Any constant: the same in every process that grants, so two processes starting together do not collide.
const GRANT_LOCK_KEY = 7_431_003;
// The least the app role needs to insert a job inside its own transaction: not to read jobs.
const GRANTS = `grant usage on schema pgboss to ${APP_ROLE};
  grant select on pgboss.queue to ${APP_ROLE};
  grant insert, select (id) on pgboss.job, pgboss.job_common to ${APP_ROLE};
  grant execute on function pgboss.job_now() to ${APP_ROLE}`;

/** The pg-boss queue over the application's database: started for enqueueing; `work` makes it run jobs too. */
export class BossQueue implements JobQueue {
  private working = false;

  private constructor(
    private readonly boss: PgBoss,
    private readonly settings: QueueSettings,
  ) {}

  /**
   * Installs or upgrades pg-boss's schema (its own migrations, under its own lock), lets the app role enqueue,
   * and creates every queue. Maintenance (expiring jobs of dead workers, retention) runs only where `supervise`.
   */
  static async start(db: Database, settings: QueueSettings, opts: { supervise: boolean }): Promise<BossQueue> {
    const target = db.queueTarget;
    const connection = 'pglite' in target ? { db: fromPglite(target.pglite) } : { connectionString: target.url, max: 4 };
    // The monitor that fails jobs whose heartbeat stopped runs on these two timers (60 s by default each).
    const every = Math.min(60, settings.heartbeatSeconds);
    const boss = new PgBoss({ ...connection, supervise: opts.supervise, schedule: false, migrate: true, superviseIntervalSeconds: every, monitorIntervalSeconds: every });
    boss.on('error', settings.onError);
    await boss.start();
    await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [GRANT_LOCK_KEY]);
      await tx.exec(GRANTS);
    });
    // Created before any enqueue: pg-boss looks a queue up once and caches it, and on PGlite that look-up
    // from inside a caller's open transaction would wait for the transaction itself.
    for (const name of JOB_NAMES) await boss.createQueue(name);
    return new BossQueue(boss, settings);
  }

  async enqueue<N extends JobName>(tx: Queryable, name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<string | null> {
    const send: SendOptions = {
      // The caller's transaction: the job exists exactly when the change that caused it commits.
      db: { executeSql: (text: string, values?: unknown[]) => tx.query(text, values) },
      retryLimit: this.settings.retryLimit,
      retryDelay: this.settings.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: 3600,
      expireInSeconds: this.settings.expireSeconds ?? 300,
      heartbeatSeconds: this.settings.heartbeatSeconds,
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    };
    return this.boss.send(name, payload, send);
  }

  /**
   * Runs each job's handler as jobs become due; a handler that throws is retried with backoff, then dead.
   *
   * A worker takes up to BATCH due jobs per fetch and fetches again at once while fetches come back full (a backlog),
   * else after the poll interval: one job per fetch would send one mail per JOB_POLL_SECONDS, 200 confirmations in
   * minutes. The jobs of a batch run one after another and each is settled on its own (perJobResults), so a failure
   * retries that job alone; every mail or text is recorded before the next is sent, so a crash can repeat at most
   * the one in flight (docs/operations.md). The jobs fetched but not yet run when a process dies run again once
   * their heartbeat is stale, and send nothing twice: each delivery row says whether it went out.
   */
  async work(handlers: JobHandlers): Promise<void> {
    this.working = true;
    for (const name of JOB_NAMES) {
      const handler = handlers[name] as JobHandler<JobName>;
      const options = { pollingIntervalSeconds: this.settings.pollSeconds, includeMetadata: true, batchSize: BATCH, burstWhenBatchFull: true, perJobResults: true } as const;
      await this.boss.work<JobPayloads[JobName]>(name, options, async (jobs) => {
        const results: JobResult[] = [];
        // Oldest first: pg-boss picks the batch in that order but returns it in any (its UPDATE ... RETURNING), and
        // a booking's rescheduled text must not overtake its confirmation, nor its cancellation the reschedule.
        const ordered = [...(jobs as JobWithMetadata<JobPayloads[JobName]>[])].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime());
        for (const job of ordered) {
          try {
            await handler(job.data, { jobId: job.id, number: job.retryCount + 1, final: job.retryCount >= job.retryLimit });
            results.push({ id: job.id, status: 'completed' });
          } catch (err) {
            results.push({ id: job.id, status: 'failed', output: { message: err instanceof Error ? err.message : String(err) } });
          }
        }
        return results;
      });
    }
  }

  /** Whether this process runs jobs (the API without --no-workers, or `npm run worker`). */
  get runsWorkers(): boolean {
    return this.working;
  }

  /** The state of one job (for operators and tests): created, retry, active, completed, failed... */
  async jobState(name: JobName, id: string): Promise<string | undefined> {
    return (await this.boss.getJobById(name, id))?.state;
  }

  /** Lets running jobs finish (bounded), then stops polling; the database stays open (its owner closes it). */
  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 15_000, close: true });
  }
}
