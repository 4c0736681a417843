import { describe, expect, it } from 'vitest';
import { createSuperAdmin, hashPassword } from '../../../src/modules/users/service.js';
import { call, useTestApp } from '../../support/app.js';
import { expectValidation } from '../../support/answers.js';
import { createVenue, postCreated } from '../../support/catalog.js';
import { addUser, PASSWORD, signupOrg, uniqueEmail } from '../../support/fixtures.js';

const NOW = new Date('2026-06-01T12:00:00Z');

const HOURS = [
  { weekday: 1, open: '09:00', close: '12:00' },
  { weekday: 1, open: '13:00', close: '17:00' },
  { weekday: 5, open: '18:00', close: '02:00' },
  { weekday: 6, open: '10:00', close: '24:00' },
];

describe('venues', () => {
  const t = useTestApp({ now: NOW });

  it('creates, reads, lists, updates and archives a venue', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const created = await createVenue(app, org.token, {
      name: 'Downtown',
      address: { line1: '1 Main St', city: 'Springfield', country: 'US' },
      phone: '+1 555 0100',
      operating_hours: HOURS,
      closures: [{ date: '2026-12-25' }, { date: '2026-12-31', open: '10:00', close: '16:00' }],
      settings: { rooms: 3, public: { note: 'Arrive 15 minutes early' } },
    });
    expect(created).toMatchObject({
      organization_id: org.organizationId,
      name: 'Downtown',
      timezone: 'America/New_York',
      address: { line1: '1 Main St', city: 'Springfield', country: 'US' },
      phone: '+1 555 0100',
      operating_hours: HOURS,
      closures: [{ date: '2026-12-25' }, { date: '2026-12-31', open: '10:00', close: '16:00' }],
      settings: { rooms: 3, public: { note: 'Arrive 15 minutes early' } },
      archived_at: null,
    });
    expect((await call(app, 'GET', `/api/venues/${created.id}`, { token: org.token })).body).toEqual(created);

    // Only the required fields, so the API's defaults show (createVenue would add opening hours).
    const minimal = await postCreated(app, org.token, '/api/venues', { name: 'Annex', timezone: 'Europe/Berlin' });
    expect(minimal).toMatchObject({ address: {}, phone: null, operating_hours: [], closures: [], settings: {} });

    const list = await call(app, 'GET', '/api/venues', { token: org.token });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, page: 1, pages: 1 });
    expect(list.body.data.map((v: { name: string }) => v.name)).toEqual(['Annex', 'Downtown']);
    expect((await call(app, 'GET', '/api/venues?q=down', { token: org.token })).body.data.map((v: { id: string }) => v.id)).toEqual([created.id]);

    // Fields given change; the others stay; phone can be cleared with null.
    const put = await call(app, 'PUT', `/api/venues/${created.id}`, { token: org.token, body: { name: 'Uptown', timezone: 'America/Chicago', phone: null } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ name: 'Uptown', timezone: 'America/Chicago', phone: null, operating_hours: HOURS, embed_key: created.embed_key });
    const replaced = await call(app, 'PUT', `/api/venues/${created.id}`, { token: org.token, body: { operating_hours: [], closures: [] } });
    expect(replaced.body).toMatchObject({ operating_hours: [], closures: [], settings: { rooms: 3 } });

    const del = await call(app, 'DELETE', `/api/venues/${created.id}`, { token: org.token });
    expect(del.status).toBe(200);
    expect(del.body.archived_at).not.toBeNull();
    // Archived: out of lists (unless asked), still readable, no longer changeable, its embed key dead.
    expect((await call(app, 'GET', '/api/venues', { token: org.token })).body.data.map((v: { id: string }) => v.id)).toEqual([minimal.id]);
    expect((await call(app, 'GET', '/api/venues?include_archived=true', { token: org.token })).body.total).toBe(2);
    expect((await call(app, 'GET', `/api/venues/${created.id}`, { token: org.token })).body.archived_at).toBe(del.body.archived_at);
    const late = await call(app, 'PUT', `/api/venues/${created.id}`, { token: org.token, body: { name: 'Again' } });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('rule_violation');
    expect((await call(app, 'POST', `/api/venues/${created.id}/rotate-embed-key`, { token: org.token })).status).toBe(422);
    expect((await call(app, 'GET', `/api/public/venues/${created.embed_key}`)).status).toBe(404);
    // Archiving again is harmless and keeps the first archive time.
    const again = await call(app, 'DELETE', `/api/venues/${created.id}`, { token: org.token });
    expect(again.status).toBe(200);
    expect(again.body.archived_at).toBe(del.body.archived_at);
  });

  it('validates the IANA time zone', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    for (const timezone of ['Mars/Olympus', 'EST5EDT-nope', '', 'America/New York', '+02:00', 'x'.repeat(65), 42, null]) {
      expectValidation(await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'V', timezone } }), 'body.timezone', String(timezone));
    }
    expectValidation(await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'V' } }), 'body.timezone');
    const v = await createVenue(app, org.token, { timezone: 'Asia/Kathmandu' });
    expect(v.timezone).toBe('Asia/Kathmandu');
    expectValidation(await call(app, 'PUT', `/api/venues/${v.id}`, { token: org.token, body: { timezone: 'Nowhere/Land' } }), 'body.timezone');
    expectValidation(await call(app, 'PUT', `/api/venues/${v.id}`, { token: org.token, body: { timezone: null } }), 'body.timezone');
    expect((await call(app, 'GET', `/api/venues/${v.id}`, { token: org.token })).body.timezone).toBe('Asia/Kathmandu');
  });

  it('accepts several ranges per weekday, 24:00 and ranges past midnight', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const hours = [
      { weekday: 0, open: '00:00', close: '24:00' },
      { weekday: 2, open: '08:00', close: '10:00' },
      { weekday: 2, open: '10:00', close: '12:00' },
      { weekday: 2, open: '20:00', close: '03:00' },
      { weekday: 3, open: '03:00', close: '04:00' },
      { weekday: 6, open: '22:00', close: '00:00' },
    ];
    const v = await createVenue(app, org.token, { operating_hours: hours });
    expect(v.operating_hours).toEqual(hours);
  });

  it('refuses malformed or overlapping operating hours', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const v = await createVenue(app, org.token);
    const cases: [unknown, string][] = [
      [[{ weekday: 1, open: '25:00', close: '26:00' }], 'body.operating_hours.0.open'],
      [[{ weekday: 1, open: '09:00', close: '24:01' }], 'body.operating_hours.0.close'],
      [[{ weekday: 1, open: '24:00', close: '10:00' }], 'body.operating_hours.0.open'],
      [[{ weekday: 1, open: '9:00', close: '10:00' }], 'body.operating_hours.0.open'],
      [[{ weekday: 1, open: '09:60', close: '10:00' }], 'body.operating_hours.0.open'],
      [[{ weekday: 7, open: '09:00', close: '10:00' }], 'body.operating_hours.0.weekday'],
      [[{ weekday: -1, open: '09:00', close: '10:00' }], 'body.operating_hours.0.weekday'],
      [[{ weekday: 1.5, open: '09:00', close: '10:00' }], 'body.operating_hours.0.weekday'],
      [[{ weekday: 1, open: '09:00', close: '09:00' }], 'body.operating_hours.0.close'],
      [[{ weekday: 1, open: '09:00' }], 'body.operating_hours.0.close'],
      [[{ weekday: 1, open: '09:00', close: '10:00', extra: true }], 'body.operating_hours.0'],
      [{ weekday: 1, open: '09:00', close: '10:00' }, 'body.operating_hours'],
      // Overlaps: same day, and a past-midnight range running into the next day's (and Saturday into Sunday).
      [[{ weekday: 1, open: '09:00', close: '12:00' }, { weekday: 1, open: '11:00', close: '13:00' }], 'body.operating_hours.1'],
      [[{ weekday: 1, open: '20:00', close: '02:00' }, { weekday: 2, open: '01:00', close: '05:00' }], 'body.operating_hours.1'],
      [[{ weekday: 6, open: '20:00', close: '02:00' }, { weekday: 0, open: '00:00', close: '10:00' }], 'body.operating_hours.1'],
      [Array.from({ length: 51 }, (_, i) => ({ weekday: i % 7, open: '00:00', close: '00:01' })), 'body.operating_hours'],
    ];
    for (const [operating_hours, field] of cases) {
      const what = JSON.stringify(operating_hours).slice(0, 200);
      expectValidation(await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'V', timezone: 'UTC', operating_hours } }), field, what);
      expectValidation(await call(app, 'PUT', `/api/venues/${v.id}`, { token: org.token, body: { operating_hours } }), field, what);
    }
  });

  it('stores closures: whole closed days and special hours; refuses malformed ones', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const closures = [
      { date: '2026-07-04' },
      { date: '2026-12-24', open: '10:00', close: '14:00' },
      { date: '2026-12-24', open: '18:00', close: '24:00' },
      { date: '2026-12-31', open: '20:00', close: '02:00' },
    ];
    const v = await createVenue(app, org.token, { closures });
    expect(v.closures).toEqual(closures);
    const cases: [unknown, string][] = [
      [[{ date: '2026-02-30' }], 'body.closures.0.date'],
      [[{ date: '26-07-04' }], 'body.closures.0.date'],
      [[{ date: '2026-07-04', open: '10:00' }], 'body.closures.0.close'],
      [[{ date: '2026-07-04', close: '10:00' }], 'body.closures.0.open'],
      [[{ date: '2026-07-04', open: '10:00', close: '10:00' }], 'body.closures.0.close'],
      [[{ date: '2026-07-04', open: '25:00', close: '26:00' }], 'body.closures.0.open'],
      [[{ date: '2026-07-04' }, { date: '2026-07-04', open: '10:00', close: '12:00' }], 'body.closures.1'],
      [[{ date: '2026-07-04', open: '10:00', close: '12:00' }, { date: '2026-07-04', open: '11:00', close: '13:00' }], 'body.closures.1'],
    ];
    for (const [body, field] of cases) {
      expectValidation(await call(app, 'PUT', `/api/venues/${v.id}`, { token: org.token, body: { closures: body } }), field, JSON.stringify(body));
    }
  });

  it('refuses other malformed input with 400 validation_failed', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const v = await createVenue(app, org.token);
    const cases: [Record<string, unknown>, string][] = [
      [{ timezone: 'UTC' }, 'body.name'],
      [{ name: '   ', timezone: 'UTC' }, 'body.name'],
      [{ name: 'x'.repeat(201), timezone: 'UTC' }, 'body.name'],
      [{ name: 'V', timezone: 'UTC', address: { country: 'usa' } }, 'body.address.country'],
      [{ name: 'V', timezone: 'UTC', settings: [] }, 'body.settings'],
      [{ name: 'V', timezone: 'UTC', settings: { big: 'x'.repeat(20_001) } }, 'body.settings'],
      [{ name: 'V', timezone: 'UTC', organization_id: org.organizationId }, 'body'],
    ];
    for (const [body, field] of cases) {
      expectValidation(await call(app, 'POST', '/api/venues', { token: org.token, body }), field, JSON.stringify(body).slice(0, 100));
    }
    expectValidation(await call(app, 'PUT', `/api/venues/${v.id}`, { token: org.token, body: { name: null } }), 'body.name');
    expect((await call(app, 'GET', '/api/venues/not-a-uuid', { token: org.token })).status).toBe(400);
    const malformed = await app.inject({ method: 'POST', url: '/api/venues', headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/json' }, payload: '{"name":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('validation_failed');
  });

  it('generates an unguessable, unique, read-only embed key and rotates it', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const a = await createVenue(app, org.token);
    const b = await createVenue(app, org.token, { name: 'Second' });
    for (const key of [a.embed_key, b.embed_key]) {
      expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
      // base64url: 6 bits a character.
      expect(key.length * 6).toBeGreaterThanOrEqual(128);
    }
    expect(a.embed_key).not.toBe(b.embed_key);

    // Read-only: neither create nor update can choose it.
    expectValidation(await call(app, 'POST', '/api/venues', { token: org.token, body: { name: 'V', timezone: 'UTC', embed_key: 'x'.repeat(32) } }), 'body');
    expectValidation(await call(app, 'PUT', `/api/venues/${a.id}`, { token: org.token, body: { embed_key: b.embed_key } }), 'body');
    expect((await call(app, 'GET', `/api/venues/${a.id}`, { token: org.token })).body.embed_key).toBe(a.embed_key);

    expect((await call(app, 'GET', `/api/public/venues/${a.embed_key}`)).status).toBe(200);
    const rotated = await call(app, 'POST', `/api/venues/${a.id}/rotate-embed-key`, { token: org.token });
    expect(rotated.status).toBe(200);
    expect(rotated.body.id).toBe(a.id);
    expect(rotated.body.embed_key).not.toBe(a.embed_key);
    expect(rotated.body.embed_key.length).toBe(a.embed_key.length);
    const old = await call(app, 'GET', `/api/public/venues/${a.embed_key}`);
    expect(old.status).toBe(404);
    expect(old.body.code).toBe('not_found');
    const fresh = await call(app, 'GET', `/api/public/venues/${rotated.body.embed_key}`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.venue.id).toBe(a.id);
    expect((await call(app, 'GET', `/api/venues/${a.id}`, { token: org.token })).body.embed_key).toBe(rotated.body.embed_key);
  });

  it('lets managers shape venues; staff may only read', async () => {
    const { app } = t();
    const org = await signupOrg(app);
    const manager = await addUser(app, org.token, 'manager');
    const staff = await addUser(app, org.token, 'staff');
    const v = await createVenue(app, manager.token);
    expect((await call(app, 'PUT', `/api/venues/${v.id}`, { token: manager.token, body: { name: 'Renamed' } })).status).toBe(200);
    expect((await call(app, 'POST', `/api/venues/${v.id}/rotate-embed-key`, { token: manager.token })).status).toBe(200);

    expect((await call(app, 'GET', '/api/venues', { token: staff.token })).status).toBe(200);
    expect((await call(app, 'GET', `/api/venues/${v.id}`, { token: staff.token })).body.name).toBe('Renamed');
    const writes: [string, string, unknown][] = [
      ['POST', '/api/venues', { name: 'Staff venue', timezone: 'UTC' }],
      ['PUT', `/api/venues/${v.id}`, { name: 'Staff was here' }],
      ['DELETE', `/api/venues/${v.id}`, undefined],
      ['POST', `/api/venues/${v.id}/rotate-embed-key`, undefined],
    ];
    for (const [method, url, body] of writes) {
      const res = await call(app, method, url, { token: staff.token, body });
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect((await call(app, method as 'POST', url, { body })).status, `${method} ${url} anonymous`).toBe(401);
    }
    const after = (await call(app, 'GET', `/api/venues/${v.id}`, { token: org.token })).body;
    expect(after).toMatchObject({ name: 'Renamed', archived_at: null });
    expect((await call(app, 'GET', '/api/venues', {})).status).toBe(401);

    expect((await call(app, 'DELETE', `/api/venues/${v.id}`, { token: manager.token })).status).toBe(200);
  });

  it('lets a super_admin manage the venues of the organization it names', async () => {
    const { app, db } = t();
    const org = await signupOrg(app);
    const email = uniqueEmail('operator');
    await createSuperAdmin(db, { email, fullName: 'Operator', passwordHash: await hashPassword(PASSWORD) });
    const token = (await call(app, 'POST', '/api/auth/login', { body: { email, password: PASSWORD } })).body.token as string;
    const headers = { 'x-organization-id': org.organizationId };
    const created = await call(app, 'POST', '/api/venues', { token, headers, body: { name: 'By operator', timezone: 'UTC' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.organization_id).toBe(org.organizationId);
    expect((await call(app, 'GET', `/api/venues/${created.body.id}`, { token: org.token })).status).toBe(200);
    // Without an organization it cannot act at all.
    const nowhere = await call(app, 'POST', '/api/venues', { token, body: { name: 'Nowhere', timezone: 'UTC' } });
    expect(nowhere.status).toBe(400);
    expect(Object.keys(nowhere.body.fields)).toContain('headers.x-organization-id');
  });

  it('answers 404 for another organization’s venue, whatever the method', async () => {
    const { app } = t();
    const mine = await signupOrg(app);
    const theirs = await signupOrg(app, { organization_name: 'Other Co' });
    const v = await createVenue(app, theirs.token);
    const attempts: [string, string, unknown][] = [
      ['GET', `/api/venues/${v.id}`, undefined],
      ['PUT', `/api/venues/${v.id}`, { name: 'Hijacked' }],
      ['DELETE', `/api/venues/${v.id}`, undefined],
      ['POST', `/api/venues/${v.id}/rotate-embed-key`, undefined],
    ];
    for (const [method, url, body] of attempts) {
      const res = await call(app, method, url, { token: mine.token, body });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect((await call(app, 'GET', '/api/venues?include_archived=true', { token: mine.token })).body.total).toBe(0);
    expect((await call(app, 'GET', `/api/venues/${v.id}`, { token: theirs.token })).body).toEqual(v);
    expect((await call(app, 'GET', `/api/venues/00000000-0000-4000-8000-000000000000`, { token: mine.token })).status).toBe(404);
  });
});
