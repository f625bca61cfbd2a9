import { can, type StaffAction } from '../../../main/domain/permissions.ts';
import { useSessionStore } from '../state/session.ts';

/** Whether the signed-in person's role may do this; false while no one is signed in. */
export function useCan(action: StaffAction): boolean {
  return useSessionStore(
    (store) =>
      store.state.status === 'ready' &&
      store.state.session.state === 'signed_in' &&
      can(store.state.session.user.role, action),
  );
}
