import { z } from 'zod';
import { operation } from './operation.ts';

/** Which entries the log shows: every one, or one kind. */
export const AUDIT_KINDS = ['all', 'shareLinks', 'orders', 'settings', 'signIns'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const AuditQuery = z.strictObject({
  kind: z.enum(AUDIT_KINDS).default('all'),
  /** Entries before this instant, for the next page. */
  before: z.iso.datetime().optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

/** The same query as an address's query string carries it: numbers arrive as text. */
export const AuditQueryString = AuditQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  /** The staff member's name, or null for an anonymous link holder or the system. */
  actor: z.string().nullable(),
  actorKind: z.string(),
  device: z.string().nullable(),
  subject: z.string().nullable(),
  /** What the entry recorded, e.g. a link's selection and expiry; never a token. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.array(AuditEntry);

/** An entry as the desktop shows it: with the selection's name and a link's expiry when it has them. */
export interface AuditLine extends AuditEntry {
  selection: string | null;
  expiresAt: string | null;
  /**
   * When a link was generated, on the rep's device; `at` is when the hub received it
   * (later for a link generated offline).
   */
  generatedAt: string | null;
  /** For opens: how many times in the hour, from the first to the last. */
  opens: { count: number; firstAt: string; lastAt: string } | null;
  /** For a locked or unlocked account: its email. */
  account: string | null;
}

export const auditOperations = {
  'audit.list': operation<AuditLine[]>()({
    input: AuditQuery,
    summary: "The hub's audit log (API Logs), newest first, by kind (admins; needs the hub)",
  }),
};
