export const GIFT_CARD_STATUSES = { active: 'Active', disabled: 'Disabled', expired: 'Expired' } as const;
export const LEDGER_KINDS = { issue: 'Issued', redeem: 'Redeemed', refund: 'Refunded to card', adjust: 'Adjusted' } as const;

/** Codes are 16 characters; shown in groups of four so people can read them out. */
export function groupedCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
