/** Segment names for people (the API's rules: README "Customers"). */
export const SEGMENT_NAMES = { vip: 'VIP', regular: 'Regular', new: 'New', inactive: 'Inactive' } as const;
export type Segment = keyof typeof SEGMENT_NAMES;
export const SEGMENTS = Object.keys(SEGMENT_NAMES) as Segment[];
