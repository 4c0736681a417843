import type { TestSmtp } from '../../support/smtp.js';

/**
 * The bodies of the messages of a kind that reached the test SMTP server for an address, waiting until there are at
 * least `count`: auth mail is queued after the response has been sent and delivered by a worker after that.
 */
export async function mailsTo(smtp: TestSmtp, to: string, kind: string, count = 1): Promise<string[]> {
  return (await smtp.mailsTo(to, kind, count)).map((m) => m.text);
}

/** The reset token in a password_reset message. */
export const resetToken = (body: string) => decodeURIComponent(/token=([^\s]+)/.exec(body)![1]!);
