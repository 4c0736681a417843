import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { asApiError, unwrap, type Schemas } from '../../../../api/client';
import { api } from '../../app/api';
import { Loading } from '../../app/App';
import { useSignedIn } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { Done, Empty, ErrorNotice } from '../../ui/Notice';
import { Pager } from '../../ui/Pager';
import { InviteUser, ROLES } from './InviteUser';

type User = Schemas['User'];

/** The organization's team: who may sign in, with which role. Admins only (the README's role table). */
export default function UsersPage() {
  const { user: me } = useSignedIn();
  const [page, setPage] = useState(1);
  const [showInactive, setShowInactive] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const users = useQuery({
    queryKey: ['users', { page, showInactive }],
    queryFn: () => unwrap(api.GET('/api/users', { params: { query: { page, limit: 50, ...(showInactive ? {} : { active: 'true' as const }) } } })),
  });

  return (
    <section>
      <h1>Users and roles</h1>
      <Done message={done} />
      <InviteUser onDone={setDone} />
      <div className="toolbar">
        <label className="check">
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> Show deactivated users
        </label>
      </div>
      {users.isPending ? <Loading label="Loading users" /> : null}
      {users.isError ? <ErrorNotice error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data && users.data.data.length === 0 ? <Empty message="No users match." /> : null}
      {users.data && users.data.data.length > 0 ? (
        <>
          <div className="table-scroll">
            <table className="list stack">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.data.data.map((u) => (
                  <UserRow key={u.id} user={u} isMe={u.id === me.id} onDone={setDone} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager info={users.data} onPage={setPage} label="User pages" />
        </>
      ) : null}
    </section>
  );
}

/**
 * One team member. The API refuses to let admins demote or deactivate themselves (the organization would lose its
 * owner), and super_admin is made only by the operator's CLI: neither is offered.
 */
function UserRow({ user, isMe, onDone }: { user: User; isMe: boolean; onDone: (message: string) => void }) {
  const client = useQueryClient();
  const update = useMutation({
    mutationFn: (body: { role?: 'admin' | 'manager' | 'staff'; active?: boolean }) => unwrap(api.PUT('/api/users/{id}', { params: { path: { id: user.id } }, body })),
    onSuccess: (saved, body) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      onDone(body.role ? `${saved.full_name} is now ${saved.role}.` : `${saved.full_name} was reactivated.`);
    },
  });
  const deactivate = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/users/{id}', { params: { path: { id: user.id } } })),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['users'] });
      onDone(`${saved.full_name} was deactivated and signed out.`);
    },
  });
  const editable = !isMe && user.role !== 'super_admin' && user.active;
  return (
    <tr>
      <td data-label="Name">
        {user.full_name}
        {isMe ? ' (you)' : ''}
        {!user.active ? ' (deactivated)' : ''}
      </td>
      <td data-label="Email">{user.email}</td>
      <td data-label="Role">
        {editable ? (
          <>
            <select
              aria-label={`Role of ${user.full_name}`}
              value={user.role}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ role: e.target.value as 'admin' | 'manager' | 'staff' })}
            >
              {ROLES.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.value}
                </option>
              ))}
            </select>
            {update.error ? (
              <span className="field-error" role="alert">
                {asApiError(update.error).message}
              </span>
            ) : null}
          </>
        ) : (
          user.role.replace('_', ' ')
        )}
      </td>
      <td data-label="Actions">
        {editable ? (
          <ConfirmButton
            label={`Deactivate ${user.full_name}`}
            question={`${user.full_name} is signed out everywhere and can no longer sign in. Their bookings and history stay. You can reactivate them later.`}
            confirmLabel="Deactivate"
            onConfirm={() => deactivate.mutateAsync()}
          />
        ) : null}
        {!user.active && user.role !== 'super_admin' ? (
          <button type="button" className="secondary" onClick={() => update.mutate({ active: true })} disabled={update.isPending}>
            Reactivate {user.full_name}
          </button>
        ) : null}
      </td>
    </tr>
  );
}
