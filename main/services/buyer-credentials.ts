import type {
  BuyerCredentials,
  SetBrandCodeInput,
  SetOfflineLogInInput,
} from '../../preload/contract/index.ts';
import { askHub } from './mail.ts';
import type { DesktopSession } from './session.ts';

/**
 * A buyer's customer order link sign-in (an offline buyer's email and password, a
 * buyer's unique code and passcode): kept and judged by the hub alone, which never sends
 * a secret or its hash back, so each is asked of it, online. What is wrong comes back
 * at its field with the rule's code.
 */
export const buyerCredentials = (
  session: DesktopSession,
  buyerId: string,
): Promise<BuyerCredentials> =>
  askHub(session, "Seeing the buyer's sign-in", (client, token) =>
    client.buyerCredentials(token, buyerId),
  );

export const setOfflineLogIn = (
  session: DesktopSession,
  input: SetOfflineLogInInput,
): Promise<BuyerCredentials> =>
  askHub(session, 'Setting the email and password', (client, token) =>
    client.setOfflineLogIn(token, input),
  );

export const clearOfflineLogIn = (
  session: DesktopSession,
  buyerId: string,
): Promise<BuyerCredentials> =>
  askHub(session, 'Removing the email and password', (client, token) =>
    client.clearOfflineLogIn(token, buyerId),
  );

export const setBrandCode = (
  session: DesktopSession,
  input: SetBrandCodeInput,
): Promise<BuyerCredentials> =>
  askHub(session, 'Setting the unique code and passcode', (client, token) =>
    client.setBrandCode(token, input),
  );

export const clearBrandCode = (
  session: DesktopSession,
  buyerId: string,
): Promise<BuyerCredentials> =>
  askHub(session, 'Removing the unique code and passcode', (client, token) =>
    client.clearBrandCode(token, buyerId),
  );
