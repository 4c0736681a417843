/** `q` as an ILIKE "contains" pattern in which the user's `%`, `_` and `\` match themselves, not any text. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, '\\$&')}%`;
