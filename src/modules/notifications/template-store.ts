import type { Queryable } from '../../db/client.js';
import { AppError, notFound, violatedUnique } from '../../http/errors.js';
import { fetchPage, type Pagination } from '../../http/pagination.js';
import { defaultTemplate } from './defaults.js';
import { placeholdersOf, sampleData, TEMPLATE_EVENTS, type TemplateEvent } from './placeholders.js';
import type { NotificationTemplate, TemplateBody } from './schemas.js';
import * as sql from './sql.js';
import { renderTemplate, validateTemplate } from './templates.js';

interface TemplateRow extends Omit<NotificationTemplate, 'created_at' | 'updated_at'> {
  created_at: Date;
  updated_at: Date;
}

const toTemplate = (r: TemplateRow): NotificationTemplate => ({ ...r, created_at: r.created_at.toISOString(), updated_at: r.updated_at.toISOString() });

// One template per organization, event, channel and locale: a second is 409 with the field that clashes.
async function saving<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (violatedUnique(err) === 'notification_templates_event_channel_locale_key') {
      throw new AppError('already_exists', 'This organization already has a template for this event, channel and locale', { locale: 'already in use' });
    }
    throw err;
  }
}

const params = (t: TemplateBody) => [t.event, t.channel, t.locale, t.subject, t.body_text, t.body_html, t.active];

/** Creates a template after checking its syntax and placeholders (400 with the line). */
export async function createTemplate(tx: Queryable, input: TemplateBody): Promise<NotificationTemplate> {
  validateTemplate(input.event, input);
  const { rows } = await saving(() => tx.query<TemplateRow>(sql.INSERT_TEMPLATE, params(input)));
  return toTemplate(rows[0]!);
}

/** One template; 404 when missing or another organization's. */
export async function getTemplate(tx: Queryable, id: string): Promise<NotificationTemplate> {
  const { rows } = await tx.query<TemplateRow>(sql.SELECT_TEMPLATE, [id]);
  if (!rows[0]) throw notFound('Template');
  return toTemplate(rows[0]);
}

/** Replaces a template (validated as on create). */
export async function updateTemplate(tx: Queryable, id: string, input: TemplateBody): Promise<NotificationTemplate> {
  validateTemplate(input.event, input);
  const { rows } = await saving(() => tx.query<TemplateRow>(sql.UPDATE_TEMPLATE, [id, ...params(input)]));
  if (!rows[0]) throw notFound('Template');
  return toTemplate(rows[0]);
}

/** Deletes a template; its event then falls back to the built-in default. Past deliveries keep their log rows. */
export async function deleteTemplate(tx: Queryable, id: string): Promise<void> {
  const { rowCount } = await tx.query(sql.DELETE_TEMPLATE, [id]);
  if (!rowCount) throw notFound('Template');
}

/** The organization's templates, by event, channel and locale. */
export async function listTemplates(tx: Queryable, filter: { event?: string | undefined; channel?: string | undefined; locale?: string | undefined }, page: Pagination) {
  const p = [filter.event ?? null, filter.channel ?? null, filter.locale ?? null];
  return fetchPage(tx, { page: sql.templatePage, count: sql.TEMPLATE_COUNT }, p, page, toTemplate);
}

/** A template rendered with its event's sample data. */
export async function previewTemplate(tx: Queryable, id: string) {
  const t = await getTemplate(tx, id);
  return renderTemplate(t, sampleData(t.event));
}

/** Every event's placeholders with sample values. */
export function listPlaceholders() {
  return { events: TEMPLATE_EVENTS.map((event) => ({ event, placeholders: placeholdersOf(event) })) };
}

/**
 * Gives the transaction's organization the built-in templates (English, every event, email and SMS), as rows
 * it can edit. Called at signup and by the demo seeder; an organization without a row for an event still gets the
 * built-in text at send time.
 */
export async function createDefaultTemplates(tx: Queryable): Promise<void> {
  const all = TEMPLATE_EVENTS.flatMap((event: TemplateEvent) =>
    (['email', 'sms'] as const).map((channel) => ({ event, channel, ...defaultTemplate(event, channel) })),
  );
  await tx.query(sql.INSERT_DEFAULT_TEMPLATES, [JSON.stringify(all)]);
}
