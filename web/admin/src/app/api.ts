import { adminApi } from '../../../api/client';

/** The admin app's one API client: same origin, the session cookie (see web/api/client.ts). */
export const api = adminApi();
