/** How seed-demo talks to the operator: a progress bar while loading, then what was built and the logins. */
import cliProgress from 'cli-progress';
import type { SeedDemoOptions, SeedDemoResult } from './seed.js';

/** A progress bar on stderr (silent when stderr is not a terminal); call `stop` when done. */
export function progressBar(): { onProgress: NonNullable<SeedDemoOptions['onProgress']>; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let phase: string | null = null;
  return {
    onProgress(next, done, total) {
      if (phase !== next) {
        if (phase) bar.stop();
        phase = next;
        bar.start(total, 0, { phase: next.padEnd(9) });
      }
      bar.update(done);
    },
    stop: () => {
      if (phase) bar.stop();
      phase = null;
    },
  };
}

/** The summary printed after seeding, logins included. */
export function formatSeedResult(r: SeedDemoResult): string {
  const logins = r.logins.map((l) => `  ${l.role.padEnd(8)} ${l.email.padEnd(30)} ${l.fullName}`).join('\n');
  if (!r.created) {
    return [
      `The demo organization already exists in this database (${r.organizationId}); nothing was changed.`,
      'Its logins (password as given when it was seeded; default escape-works-demo):',
      logins,
      'To rebuild it, seed a fresh database (drop it, or remove DATA_DIR).',
    ].join('\n');
  }
  const statuses = Object.entries(r.byStatus)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return [
    `Demo organization "Escape Works" created in ${r.seconds.toFixed(1)} s:`,
    `  venues:    ${r.venues.map((v) => `${v.name} (${v.timezone})`).join(', ')}`,
    `  games:     ${r.games}; customers: ${r.customers}`,
    `  bookings:  ${r.bookings} between ${r.from} and ${r.to} (${statuses})`,
    `  money:     ${r.money.payments} payments, ${r.money.refunds} refunds; ${r.money.coupons} coupons, ${r.money.redemptions} redemptions (+${r.money.releasedRedemptions} released)`,
    `             ${r.money.giftCards} gift cards (${r.money.giftCardPayments} paid bookings, ${r.money.giftCardRefunds} refunds back); ` +
      (r.money.referral ? `referral ${r.money.referral.code}: ${r.money.referral.referred.length} referred, ${r.money.referral.referred.filter((x) => x.rewarded).length} rewarded` : 'no referral'),
    `Logins (password: ${r.logins[0]?.password ?? ''}):`,
    logins,
  ].join('\n');
}
