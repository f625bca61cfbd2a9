import type { StaffRole } from '../../domain/model.ts';
import type { AuditActor } from '../audit.ts';

/**
 * Who places or changes an order, whatever door they came through: a rep or admin on a
 * device (a booth order pushed by sync, a change of state), the holder of a share link,
 * a buyer signed in at the buyer pages, or the hub itself. Later: an offline buyer, the
 * brand acting for a buyer.
 */
export type OrderPrincipal =
  | { kind: 'staff'; userId: string; role: StaffRole; device: string | null }
  | { kind: 'linkHolder'; linkId: string; address: string }
  | { kind: 'buyer'; buyerUserId: string; address: string }
  | { kind: 'system'; reason: string };

/** The principal's kind and id as `orders.placed_by_kind` / `placed_by` and order events keep them. */
export function principalRecord(principal: OrderPrincipal): { kind: string; id: string | null } {
  switch (principal.kind) {
    case 'staff':
      return { kind: 'staff', id: principal.userId };
    case 'linkHolder':
      return { kind: 'linkHolder', id: principal.linkId };
    case 'buyer':
      return { kind: 'buyer', id: principal.buyerUserId };
    case 'system':
      return { kind: 'system', id: null };
  }
}

/**
 * The audit log names staff, anonymous people and the hub: a link holder is anonymous
 * (the hub knows the link, not the person), and so, for the log, is a buyer user, whose
 * id the order's `placed_by` keeps.
 */
export function principalAuditActor(principal: OrderPrincipal): AuditActor {
  switch (principal.kind) {
    case 'staff':
      return { kind: 'staff', userId: principal.userId, device: principal.device };
    case 'linkHolder':
    case 'buyer':
      return { kind: 'anonymous' };
    case 'system':
      return { kind: 'system' };
  }
}
