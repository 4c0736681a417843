import { z } from 'zod';

export const calendarFeedAnswer = z.object({
  url: z.string().describe('The feed: a secret iCalendar URL to subscribe to (shown once; calling again makes a new one and this one stops working)'),
});
export type CalendarFeedAnswer = z.infer<typeof calendarFeedAnswer>;

export const calendarTokenParams = z.object({ token: z.string().min(1).max(200).describe('The secret token of a feed URL') });

/** The feed answer in the OpenAPI document: iCalendar text. */
export const calendarFeedBody = z.string().describe('An iCalendar (RFC 5545) feed of the venue’s live bookings');
