/**
 * Splits a refund across payments in proportion to what is left of each (pure). Shares are whole minor units:
 * each gets the floor of its exact share, and the units the floors leave over go one each to the largest
 * fractional parts (earliest payment first on ties), so the shares always add up to min(amount, total left).
 */
export function splitRefund(lefts: readonly number[], amount: number): number[] {
  const total = lefts.reduce((s, v) => s + v, 0);
  const target = Math.min(Math.max(0, amount), total);
  if (target === 0) return lefts.map(() => 0);
  if (target === total) return [...lefts];
  const exact = lefts.map((left, i) => {
    const num = BigInt(left) * BigInt(target);
    const floor = Number(num / BigInt(total));
    return { i, floor, remainder: Number(num % BigInt(total)) };
  });
  let over = target - exact.reduce((s, e) => s + e.floor, 0);
  const shares = exact.map((e) => e.floor);
  for (const e of [...exact].sort((a, b) => b.remainder - a.remainder || a.i - b.i)) {
    if (over === 0) break;
    shares[e.i]! += 1;
    over -= 1;
  }
  return shares;
}
