import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap, type Schemas } from '../../../api/client';
import { api } from './api';

export type Role = Schemas['User']['role'];
export interface Session {
  user: Schemas['User'];
  organization: Schemas['Organization'] | null;
}

const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3, super_admin: 4 };

/** Whether the user's role is `least` or above (the README's role table): pages and actions a role may not use are not offered. */
export function allows(role: Role, least: Role): boolean {
  return RANK[role] >= RANK[least];
}

export const SESSION_KEY = ['session'] as const;

/**
 * The signed-in user and organization, or null when signed out (401). The session cookie is HttpOnly: asking the
 * server is the only way to know.
 */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Session | null> => {
      try {
        return await unwrap(api.GET('/api/auth/session'));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** Signs out: ends the session on the server, then forgets every cached answer of this user. */
export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await unwrap(api.POST('/api/auth/logout')).catch(() => undefined);
    // The session query's observer stays (the app shows the sign-in form through it); every other answer goes.
    client.setQueryData(SESSION_KEY, null);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  };
}

/** The session inside the signed-in shell (the shell renders only when there is one). */
export function useSignedIn(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useSignedIn is for pages inside the signed-in shell');
  return data;
}
