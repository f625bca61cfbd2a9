import type { StaffRole } from '../domain/model.ts';

/** Who asks for an operation; every audit entry names it. */
export type Actor =
  | { kind: 'staff'; userId: string; role: StaffRole; device: string }
  | { kind: 'system'; reason: string };

export function actorId(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.userId : null;
}

export function actorDevice(actor: Actor): string | null {
  return actor.kind === 'staff' ? actor.device : null;
}
