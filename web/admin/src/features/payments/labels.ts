// Words for the API's enums (docs/api.md "Payments"), shared by the filters and the table.

export const METHODS = { cash: 'Cash', card_present: 'Card at the desk', stripe: 'Online (Stripe)', gift_card: 'Gift card', other: 'Other' } as const;
export const STATUSES = { pending: 'Pending', succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled' } as const;
export const KINDS = { payment: 'Payment', refund: 'Refund' } as const;

export type Method = keyof typeof METHODS;
export type Status = keyof typeof STATUSES;
export type Kind = keyof typeof KINDS;
