// Wall times in the organization's time zone <-> instants, for the inputs that set one (a gift card's expiry, a
// coupon's validity window): the operator means the business's local time, whatever zone the browser is in.

function offsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(
    new Date(instant),
  );
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - instant;
}

/** `2026-03-14` and `23:59` in `zone` -> the instant (ISO, UTC). Twice corrected, so DST edges land right. */
export function zonedInstant(date: string, time: string, zone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let at = wall - offsetMs(wall, zone);
  at = wall - offsetMs(at, zone);
  return new Date(at).toISOString();
}

/** An instant -> its `YYYY-MM-DD` and `HH:MM` in `zone` (what date and time inputs hold). */
export function zonedParts(iso: string, zone: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + offsetMs(Date.parse(iso), zone)).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
