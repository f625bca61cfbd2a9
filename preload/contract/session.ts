import { z } from 'zod';
import { operation } from './operation.ts';

/** Which hub this desktop syncs with: the one built into the app, or a standalone hub. */
export const HubChoice = z.union([
  z.strictObject({ kind: z.literal('embedded') }),
  z.strictObject({
    kind: z.literal('remote'),
    url: z
      .string()
      .trim()
      .max(2048)
      .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), {
        message: 'Type the hub address with http:// or https://, e.g. https://hub.example.com',
      }),
  }),
]);
export type HubChoice = z.infer<typeof HubChoice>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'An email address is at most 254 characters')
  .email('Type an email address like name@example.com');
export const Password = z.string().min(1, 'Type the password').max(1024);
/** What a new password must be; the hub checks the same rule. */
export const NewPassword = z
  .string()
  .min(10, 'Use at least 10 characters for the password')
  .max(1024, 'A password is at most 1024 characters');

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'rep';
}

export interface DemoAccount {
  email: string;
  password: string;
  name: string;
  role: 'admin' | 'rep';
}

/** What a hub says about itself before anyone signs in. */
export interface HubIntroduction {
  /** The address the desktop reaches it at. */
  url: string;
  embedded: boolean;
  /** null before the brand is set up. */
  brand: string | null;
  setupNeeded: boolean;
  /** The demo brand's accounts and passwords; null for a real brand. */
  demoAccounts: DemoAccount[] | null;
}

export type Session =
  | {
      state: 'signed_out';
      /** The hub the sign-in form starts with. */
      hub: HubChoice;
      /**
       * Why the device was signed out, when it was not the rep's choice: `revoked`, the
       * hub no longer accepts its credential (an admin revoked it).
       */
      reason: 'revoked' | null;
    }
  | {
      state: 'signed_in';
      hub: HubChoice;
      hubUrl: string;
      user: SignedInUser;
      brand: string;
      deviceId: string;
    };

export const SignInInput = z.strictObject({
  hub: HubChoice,
  email: Email,
  password: Password,
});

export const SetupInput = z.strictObject({
  brandName: z.string().trim().min(1, "Type the brand's name").max(120),
  adminName: z.string().trim().min(1, 'Type your name').max(120),
  email: Email,
  password: NewPassword,
});

export const SignOutInput = z.strictObject({
  /** Must be true to sign out while changes still wait to sync; they are then lost. */
  discardUnsynced: z.boolean().default(false),
});

export const sessionOperations = {
  'session.get': operation<Session>()({
    input: z.strictObject({}),
    summary: 'Whether this device is signed in, to which hub and as whom',
  }),
  'session.introduceHub': operation<HubIntroduction>()({
    input: z.strictObject({ hub: HubChoice }),
    summary: 'Ask a hub for its brand, whether it needs setting up, and its demo accounts',
  }),
  'session.setup': operation<Session>()({
    input: SetupInput,
    summary: "Set up the built-in hub's brand and first admin, then sign in as that admin",
  }),
  'session.setupDemo': operation<HubIntroduction>()({
    input: z.strictObject({}),
    summary: 'Fill the new built-in hub with the demo brand instead of setting one up',
  }),
  'session.signIn': operation<Session>()({
    input: SignInInput,
    summary:
      'Sign this device in to a hub with email and password; it then holds a device credential',
  }),
  'session.signOut': operation<Session>()({
    input: SignOutInput,
    summary: 'Sign this device out; refused while changes wait to sync unless told to discard them',
  }),
};
