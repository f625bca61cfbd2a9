import type { StaffRole } from '../../domain/model.ts';
import type { AuditActor } from '../audit.ts';

/**
 * Who places or changes an order, whatever door they came through: a rep or admin on a
 * device (a booth order pushed by sync, a change of state), the holder of a share link,
 * a buyer signed in at the buyer pages, an offline buyer logged in to a customer order
 * link with the email the brand set, the brand acting for a buyer (logged in with the
 * buyer's brand-specific credentials, or a staff member opening the link as the buyer),
 * or the hub itself.
 */
export type OrderPrincipal =
  | { kind: 'staff'; userId: string; role: StaffRole; device: string | null }
  | { kind: 'linkHolder'; linkId: string; address: string }
  | { kind: 'buyer'; buyerUserId: string; address: string }
  | { kind: 'offlineBuyer'; buyerId: string; linkId: string; address: string }
  | {
      kind: 'brandForBuyer';
      buyerId: string;
      linkId: string;
      address: string;
      /** The staff member who opened the link as the buyer; null with the buyer's code. */
      staffUserId: string | null;
      /** The device they opened it from (the sign-in ticket's). */
      device: string | null;
    }
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
    case 'offlineBuyer':
      return { kind: 'offlineBuyer', id: principal.buyerId };
    case 'brandForBuyer':
      return { kind: 'brandForBuyer', id: principal.staffUserId ?? principal.buyerId };
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
    case 'brandForBuyer':
      return principal.staffUserId
        ? { kind: 'staff', userId: principal.staffUserId, device: principal.device }
        : { kind: 'anonymous' };
    case 'linkHolder':
    case 'buyer':
    case 'offlineBuyer':
      return { kind: 'anonymous' };
    case 'system':
      return { kind: 'system' };
  }
}
