import type {
  BuyerInputOf,
  CustomerLinkStyle,
  CustomerLinkStyles,
  CustomerLinkView,
  RefusalOf,
} from '../../../preload/contract/buyer-api/index.ts';
import { call, type Called } from '../call.ts';

/**
 * What a customer order link's pages ask the hub, in the words the pages use. Every
 * refusal comes back as its code for the page to word; a link that does not open is
 * 'gone', one the hub could not answer 'failed'.
 */
export type LinkAnswer =
  /** ticketRefused: an "Open as" ticket that did not work; the link opened without it. */
  | { kind: 'view'; view: CustomerLinkView; ticketRefused?: boolean }
  | { kind: 'gone' }
  | { kind: 'limited' }
  | { kind: 'failed' };

function answerOf(
  answer: Called<'customerLink.open'> | Called<'customerLink.redeemTicket'>,
): LinkAnswer {
  if (answer.ok) return { kind: 'view', view: answer.value };
  if (answer.refusal?.code === 'link_expired') return { kind: 'gone' };
  if (answer.refusal?.code === 'rate_limited') return { kind: 'limited' };
  return { kind: 'failed' };
}

export async function openLink(token: string): Promise<LinkAnswer> {
  try {
    return answerOf(await call('customerLink.open', { token }));
  } catch {
    return { kind: 'failed' };
  }
}

/**
 * Opens the link with an "Open as <buyer>" sign-in ticket: logged in as the buyer on the
 * staff member's behalf, or, the ticket being spent, expired or unknown, as any visitor
 * meets it, with a note for the page to show.
 */
export async function openLinkWithTicket(token: string, ticket: string): Promise<LinkAnswer> {
  try {
    const answer = await call('customerLink.redeemTicket', { token, ticket });
    if (answer.ok) return { kind: 'view', view: answer.value };
    if (answer.refusal?.code !== 'ticket_invalid') return answerOf(answer);
  } catch {
    return { kind: 'failed' };
  }
  const opened = await openLink(token);
  return opened.kind === 'view' ? { ...opened, ticketRefused: true } : opened;
}

/** A step of the visit (passcode, log-in, choice of buyer): the next view, or the refusal's code. */
type StepOperation = 'customerLink.passcode' | 'customerLink.logIn' | 'customerLink.chooseBuyer';
export type StepAnswer =
  | { ok: true; view: CustomerLinkView }
  | { ok: false; code: RefusalOf<'customerLink.logIn'> | RefusalOf<'customerLink.chooseBuyer'> };

async function step<Name extends StepOperation>(
  answer: Promise<Called<Name>>,
): Promise<StepAnswer> {
  const done = await answer;
  if (done.ok) return { ok: true, view: done.value as CustomerLinkView };
  const code = (done.refusal?.code ?? 'unavailable') as Extract<StepAnswer, { ok: false }>['code'];
  return { ok: false, code };
}

export const passLinkPasscode = (token: string, passcode: string) =>
  step(call('customerLink.passcode', { token, passcode }));

export const logInToLink = (input: BuyerInputOf<'customerLink.logIn'>) =>
  step(call('customerLink.logIn', input));

export const chooseLinkBuyer = (token: string, buyerId: string) =>
  step(call('customerLink.chooseBuyer', { token, buyerId }));

export async function logOutOfLink(token: string): Promise<void> {
  const answer = await call('customerLink.logOut', { token });
  if (!answer.ok) throw new Error(`The hub answered ${answer.status}`);
}

export async function linkStyles(
  input: BuyerInputOf<'customerLink.styles'>,
  signal?: AbortSignal,
): Promise<CustomerLinkStyles | null> {
  const answer = await call('customerLink.styles', input, signal ? { signal } : {});
  return answer.ok ? answer.value : null;
}

export async function linkStyle(token: string, styleId: string): Promise<CustomerLinkStyle | null> {
  const answer = await call('customerLink.style', { token, styleId });
  return answer.ok ? answer.value : null;
}

export async function linkPicture(token: string, id: string, priority: RequestPriority) {
  const answer = await call('customerLink.picture', { id, token }, { priority });
  if (!answer.ok) throw new Error(`The hub answered ${answer.status}`);
  return answer.value;
}
