import { describe, expect, it } from 'vitest';
import { call, useTestApp } from '../../support/app.js';
import { addUser, signupOrg } from '../../support/fixtures.js';

const email = (extra: Record<string, unknown> = {}) => ({
  event: 'booking_confirmed',
  channel: 'email',
  locale: 'fr',
  subject: 'Réservation {{ booking.booking_number }}',
  body_text: 'Bonjour {{ customer.first_name }},\n{{ booking.start_local }}\n{{ manage_url }}',
  body_html: '<p>Bonjour {{ customer.full_name }}</p>',
  ...extra,
});

describe('notification templates', () => {
  const t = useTestApp();

  it('every organization starts with a default template per event and channel, plain and with the manage link', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const list = await call(app, 'GET', '/api/notification-templates?limit=100', { token: org.token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(18);
    const confirmed = list.body.data.find((x: { event: string; channel: string }) => x.event === 'booking_confirmed' && x.channel === 'email');
    expect(confirmed).toMatchObject({ locale: 'en', active: true });
    expect(confirmed.body_text).toContain('{{ manage_url }}');
    expect(confirmed.body_text).toContain('{{ booking.start_local }}');
    const preview = await call(app, 'POST', `/api/notification-templates/${confirmed.id}/preview`, { token: org.token });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Your booking BK-7F3K9Q is confirmed');
    expect(preview.body.body_text).toContain('Hello Alex,');
    expect(preview.body.body_text).toContain('Saturday, March 14, 2026 at 19:30 (America/New_York)');
    expect(preview.body.body_html).toContain('<a href="https://book.example/manage/BK-7F3K9Q?token=sample">');
    const sms = list.body.data.find((x: { event: string; channel: string }) => x.event === 'booking_reminder' && x.channel === 'sms');
    expect(sms).toMatchObject({ subject: null, body_html: null });
  });

  it('creates, reads, replaces, previews and deletes a template; a second one for the same event, channel and locale is 409', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const created = await call(app, 'POST', '/api/notification-templates', { token: org.token, body: email() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id;
    expect((await call(app, 'GET', `/api/notification-templates/${id}`, { token: org.token })).body).toEqual(created.body);
    const twin = await call(app, 'POST', '/api/notification-templates', { token: org.token, body: email() });
    expect([twin.status, twin.body.code]).toEqual([409, 'already_exists']);

    const replaced = await call(app, 'PUT', `/api/notification-templates/${id}`, { token: org.token, body: email({ subject: 'Merci {{ customer.full_name }}' }) });
    expect(replaced.status).toBe(200);
    const preview = await call(app, 'POST', `/api/notification-templates/${id}/preview`, { token: org.token });
    expect(preview.body).toEqual({
      subject: 'Merci Alex Morgan',
      body_text: 'Bonjour Alex,\nSaturday, March 14, 2026 at 19:30\nhttps://book.example/manage/BK-7F3K9Q?token=sample',
      body_html: '<p>Bonjour Alex Morgan</p>',
    });
    const filtered = await call(app, 'GET', '/api/notification-templates?locale=fr', { token: org.token });
    expect(filtered.body.data.map((x: { id: string }) => x.id)).toEqual([id]);

    expect((await call(app, 'DELETE', `/api/notification-templates/${id}`, { token: org.token })).status).toBe(204);
    expect((await call(app, 'GET', `/api/notification-templates/${id}`, { token: org.token })).status).toBe(404);
  });

  it('refuses an unknown placeholder, an unknown filter and bad syntax with 400 validation_failed and the line', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ body_text: 'Hello\n\n{{ customer.nickname }}' }, 'body_text', /line 3: unknown placeholder customer\.nickname/],
      [{ subject: '{{ gift_card.code }}' }, 'subject', /line 1: unknown placeholder gift_card\.code/],
      [{ body_html: '<p>\n{{ booking.booking_number | shout }}</p>' }, 'body_html', /line 2: undefined filter: shout/],
      [{ body_text: 'one\ntwo {% if booking.party_size > 2 %}\nbig' }, 'body_text', /line 2: tag \{% if booking.party_size > 2 %\} not closed/],
      [{ body_text: '{% include "secrets" %}' }, 'body_text', /include, render and layout are not available/],
    ];
    for (const [change, field, message] of cases) {
      const res = await call(app, 'POST', '/api/notification-templates', { token: org.token, body: email(change) });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.fields[`body.${field}`]).toMatch(message);
      expect(res.body.message).toMatch(message);
    }
    // Loop variables are the template's own, not placeholders; an SMS has no subject.
    const loop = await call(app, 'POST', '/api/notification-templates', { token: org.token, body: email({ locale: 'de', body_text: '{% for i in (1..2) %}{{ i }}{% endfor %}' }) });
    expect(loop.status).toBe(201);
    const sms = await call(app, 'POST', '/api/notification-templates', { token: org.token, body: { event: 'booking_reminder', channel: 'sms', locale: 'de', subject: 'x', body_text: 'Hi' } });
    expect([sms.status, sms.body.fields]).toEqual([400, { 'body.subject': 'an SMS template has no subject' }]);
  });

  it('lists the placeholders of every event; templates are for admins only', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const res = await call(app, 'GET', '/api/notification-templates/placeholders', { token: org.token });
    expect(res.status).toBe(200);
    const reminder = res.body.events.find((e: { event: string }) => e.event === 'booking_reminder');
    expect(reminder.placeholders.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['customer.full_name', 'booking.booking_number', 'booking.start_local', 'venue.name', 'manage_url']));
    const manager = await addUser(app, org.token, 'manager');
    expect((await call(app, 'GET', '/api/notification-templates', { token: manager.token })).status).toBe(403);
    expect((await call(app, 'GET', '/api/notification-deliveries', { token: manager.token })).status).toBe(403);
  });
});
