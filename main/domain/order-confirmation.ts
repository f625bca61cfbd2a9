import { addressLines, type AddressFields } from './addresses.ts';
import { formatMoney, type Money } from './money.ts';
import { isProvisionalOrderNumber } from './order-number.ts';
import {
  orderParty,
  type OrderSource,
  type OrderState,
  type PaymentMethod,
} from './order-states.ts';

/**
 * The order confirmation: what the PDF the desktop saves and the hub mails says, and the
 * mail that carries it. One model for both sides, built here from what the store holds
 * (the order, its brand, buyer and rep, its lines with their style, colour and size), so
 * the desktop's copy and the buyer's copy never differ. Pure; the PDF is drawn by
 * main/services/export/order-confirmation-pdf.ts.
 */

export type ConfirmationLanguage = 'en' | 'ja';

/** What the mail is about: a share link's request, a placed order, a confirmed one, a cancelled one. */
export const CONFIRMATION_EVENTS = ['requested', 'placed', 'confirmed', 'cancelled'] as const;
export type ConfirmationEvent = (typeof CONFIRMATION_EVENTS)[number];

/**
 * The mail an order's new state calls for: a share link's request is acknowledged (the
 * buyer was promised a confirmation email by the checkout), a placed order (placed at
 * once, or a request completed) and a confirmed one are confirmed, and a cancelled one
 * is said to be, with the reason the brand gave (the stock it held is released).
 */
export function confirmationEventFor(state: OrderState): ConfirmationEvent | null {
  switch (state) {
    case 'Checkout Requested':
      return 'requested';
    case 'Order':
      return 'placed';
    case 'Confirmed':
      return 'confirmed';
    case 'Cancelled':
      return 'cancelled';
  }
}

/** One order line with its SKU as the catalog describes it. */
export interface ConfirmationLineFacts {
  readonly styleNumber: string;
  readonly styleName: string;
  readonly colorwayCode: string;
  readonly colorwayName: string;
  readonly colorHex: string;
  /** The colourway's place in its style, and the size's in its run: the grid's order. */
  readonly colorwayPosition: number;
  readonly size: string;
  readonly sizePosition: number;
  readonly quantity: number;
  readonly unitPriceMinor: number;
}

/** Everything the document is made of, as read from the store. */
export interface ConfirmationFacts {
  readonly order: {
    readonly id: string;
    /** The hub's number; null (or a provisional P-… number) until the hub has the order. */
    readonly number: string | null;
    readonly status: OrderState;
    readonly source: OrderSource;
    readonly createdAt: string;
    readonly currency: string;
    readonly units: number;
    readonly subtotalMinor: number;
    readonly discountMinor: number;
    readonly shippingMinor: number;
    /** A DTC order's tax: inside the prices (the market's) or added to the total; null without. */
    readonly tax: { readonly amountMinor: number; readonly included: boolean } | null;
    readonly totalMinor: number;
    readonly shipTo: AddressFields | null;
    readonly billTo: AddressFields | null;
    readonly shipStart: string | null;
    readonly cancelDate: string | null;
    readonly poNumber: string;
    readonly paymentMethod: PaymentMethod | null;
    readonly shippingRateName: string;
    readonly note: string;
    readonly approvedBy: string;
    readonly contact: { readonly name: string; readonly email: string; readonly phone: string };
  };
  readonly brandName: string;
  readonly buyer: {
    readonly name: string;
    readonly language: string;
    /** ISO 3166 code of the buyer's country, for the time zone dates are read in. */
    readonly country: string;
    readonly contactEmail: string;
    readonly pricelistName: string | null;
    readonly discountBasisPoints: number;
  };
  /** The selection's owner: the buyer's rep for this order. */
  readonly rep: { readonly name: string; readonly email: string } | null;
  readonly lines: readonly ConfirmationLineFacts[];
}

/** One style in one colourway: its sizes side by side, as the grid shows them. */
export interface ConfirmationGroup {
  readonly styleNumber: string;
  readonly styleName: string;
  readonly colorway: { readonly code: string; readonly name: string; readonly hex: string };
  readonly sizes: readonly { readonly size: string; readonly quantity: number }[];
  readonly units: number;
  /** One price, or the lowest and highest when sizes are priced apart. */
  readonly unitPrice: { readonly low: Money; readonly high: Money };
  readonly amount: Money;
}

export interface ConfirmationDocument {
  readonly language: ConfirmationLanguage;
  readonly orderId: string;
  readonly brandName: string;
  /** The number to print; `provisional` when the hub has not numbered the order yet. */
  readonly number: { readonly text: string; readonly provisional: boolean };
  readonly status: OrderState;
  readonly placedAt: string;
  /** Where the placement date is read: the buyer's country's zone, when it has one only. */
  readonly timeZone: string | null;
  readonly buyer: {
    /** What the order calls who it is for: a wholesale buyer, or a DTC order's customer. */
    readonly label: ReturnType<typeof orderParty>;
    readonly name: string;
    readonly pricelistName: string | null;
    readonly discountBasisPoints: number;
  };
  readonly contact: { readonly name: string; readonly email: string; readonly phone: string };
  /** Each address as the lines a label has; null when the order has none. */
  readonly shipTo: readonly string[] | null;
  readonly billTo: readonly string[] | null;
  readonly window: { readonly shipStart: string | null; readonly cancelDate: string | null };
  readonly poNumber: string;
  readonly paymentMethod: PaymentMethod | null;
  readonly shippingRateName: string;
  readonly groups: readonly ConfirmationGroup[];
  readonly totals: {
    readonly units: number;
    readonly subtotal: Money;
    readonly discount: Money | null;
    readonly discountBasisPoints: number;
    readonly shipping: Money | null;
    readonly tax: { readonly amount: Money; readonly included: boolean } | null;
    readonly total: Money;
  };
  readonly note: string;
  readonly approvedBy: string;
  readonly rep: { readonly name: string; readonly email: string } | null;
  /** Who the mail goes to: the order's contact, else the buyer's, the rep in copy; else the rep. */
  readonly recipients: { readonly to: readonly string[]; readonly cc: readonly string[] };
}

/** The buyer's language where the data knows it, English otherwise. */
export function confirmationLanguage(language: string): ConfirmationLanguage {
  return language === 'ja' ? 'ja' : 'en';
}

/**
 * Builds the document. Lines are grouped per style and colourway (in style number and
 * colourway order, sizes in their run's order); totals are the order's own, as the hub
 * fixed them, never summed again here.
 */
export function orderConfirmationDocument(facts: ConfirmationFacts): ConfirmationDocument {
  const { order } = facts;
  const language = confirmationLanguage(facts.buyer.language);
  const money = (amountMinor: number): Money => ({ amountMinor, currency: order.currency });
  const contactEmail = order.contact.email.trim() || facts.buyer.contactEmail.trim();
  const repEmail = facts.rep?.email.trim() ?? '';
  return {
    language,
    orderId: order.id,
    brandName: facts.brandName,
    number:
      order.number !== null && !isProvisionalOrderNumber(order.number)
        ? { text: order.number, provisional: false }
        : { text: order.number ?? provisionalReference(order.id), provisional: true },
    status: order.status,
    placedAt: order.createdAt,
    timeZone: countryTimeZone(facts.buyer.country),
    buyer: {
      label: orderParty(order.source),
      name: facts.buyer.name,
      pricelistName: facts.buyer.pricelistName,
      discountBasisPoints: facts.buyer.discountBasisPoints,
    },
    contact: { ...order.contact, email: contactEmail },
    shipTo: order.shipTo && addressLines(order.shipTo, countryName(order.shipTo.country, language)),
    billTo: order.billTo && addressLines(order.billTo, countryName(order.billTo.country, language)),
    window: { shipStart: order.shipStart, cancelDate: order.cancelDate },
    poNumber: order.poNumber,
    paymentMethod: order.paymentMethod,
    shippingRateName: order.shippingRateName,
    groups: groupLines(facts.lines, order.currency),
    totals: {
      units: order.units,
      subtotal: money(order.subtotalMinor),
      discount: order.discountMinor > 0 ? money(order.discountMinor) : null,
      discountBasisPoints: facts.buyer.discountBasisPoints,
      shipping:
        order.shippingRateName !== '' || order.shippingMinor > 0
          ? money(order.shippingMinor)
          : null,
      tax: order.tax && { amount: money(order.tax.amountMinor), included: order.tax.included },
      total: money(order.totalMinor),
    },
    note: order.note,
    approvedBy: order.approvedBy,
    rep: facts.rep,
    recipients: {
      // A buyer without an email still has a rep who placed or looks after the order:
      // the rep gets it, to forward or print, rather than nobody.
      to: contactEmail ? [contactEmail] : repEmail ? [repEmail] : [],
      cc: contactEmail && repEmail && repEmail !== contactEmail ? [repEmail] : [],
    },
  };
}

/**
 * The time zone of a country that has exactly one (Japan, France), else null: a date on
 * the confirmation is the buyer's date, and where a country spans several zones no one
 * of them is right, so the caller falls back to UTC. The same on hub and desktop, so both
 * print the same day.
 */
export function countryTimeZone(country: string): string | null {
  // Asked for every order placed (its mail's date): Intl builds the list anew each time.
  let zone = countryZones.get(country);
  if (zone === undefined) {
    zone = zoneOfCountry(country);
    countryZones.set(country, zone);
  }
  return zone;
}

/** Countries asked so far; ISO 3166 has about 250, so this stays small. */
const countryZones = new Map<string, string | null>();

function zoneOfCountry(country: string): string | null {
  if (!/^[A-Z]{2}$/.test(country)) return null;
  try {
    // Intl Locale Info (Node 24, Chromium): not yet in TypeScript's lib.
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & {
      getTimeZones?: () => string[];
    };
    const zones = locale.getTimeZones?.() ?? [];
    return zones.length === 1 ? zones[0]! : null;
  } catch {
    return null;
  }
}

/** A reference for an order no number was given yet: the end of its id, which is unique. */
function provisionalReference(orderId: string): string {
  return orderId.replace(/-/g, '').slice(-8).toUpperCase();
}

function groupLines(
  lines: readonly ConfirmationLineFacts[],
  currency: string,
): ConfirmationGroup[] {
  const groups = new Map<string, ConfirmationLineFacts[]>();
  for (const line of lines) {
    const key = `${line.styleNumber}\u0000${line.colorwayCode}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  return [...groups.values()]
    .sort((a, b) => {
      const [x, y] = [a[0]!, b[0]!];
      return compareText(x.styleNumber, y.styleNumber) || x.colorwayPosition - y.colorwayPosition;
    })
    .map((group) => {
      const sorted = [...group].sort((a, b) => a.sizePosition - b.sizePosition);
      const first = sorted[0]!;
      let low = first.unitPriceMinor;
      let high = first.unitPriceMinor;
      let units = 0;
      let amount = 0;
      for (const line of sorted) {
        low = Math.min(low, line.unitPriceMinor);
        high = Math.max(high, line.unitPriceMinor);
        units += line.quantity;
        amount += line.quantity * line.unitPriceMinor;
      }
      return {
        styleNumber: first.styleNumber,
        styleName: first.styleName,
        colorway: { code: first.colorwayCode, name: first.colorwayName, hex: first.colorHex },
        sizes: sorted.map((line) => ({ size: line.size, quantity: line.quantity })),
        units,
        unitPrice: {
          low: { amountMinor: low, currency },
          high: { amountMinor: high, currency },
        },
        amount: { amountMinor: amount, currency },
      };
    });
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countryName(code: string, language: ConfirmationLanguage): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The document's words, in English and Japanese; status and payment names included. */
export const CONFIRMATION_LABELS = {
  en: {
    title: 'Order confirmation',
    orderNumber: 'Order number',
    provisional: 'Provisional',
    provisionalNote:
      'This order is waiting to sync. The brand’s system gives it its final number once it has it.',
    status: 'Status',
    placed: 'Placed',
    buyer: 'Buyer',
    customer: 'Customer',
    contact: 'Contact',
    shipTo: 'Ship to',
    billTo: 'Bill to',
    noAddress: 'No address given',
    window: 'Delivery window',
    shipStart: 'Ship from',
    cancelDate: 'Cancel after',
    po: 'PO number',
    payment: 'Payment',
    shippingRate: 'Shipping',
    terms: 'Trading terms',
    pricelist: 'Pricelist',
    discount: 'Discount',
    style: 'Style',
    colorway: 'Colour',
    sizes: 'Sizes and quantities',
    unitPrice: 'Unit price',
    units: 'Units',
    amount: 'Amount',
    subtotal: 'Subtotal',
    tax: 'Tax',
    taxIncluded: 'Tax included',
    total: 'Total',
    note: 'Note',
    approvedBy: 'Approved by',
    rep: 'Sales rep',
    none: '—',
    page: (page: number, pages: number) => `Page ${page} of ${pages}`,
    statuses: {
      'Checkout Requested': 'Checkout Requested',
      Order: 'Order',
      Confirmed: 'Confirmed',
      Cancelled: 'Cancelled',
    } satisfies Record<OrderState, string>,
    payments: {
      outside_app: 'Pay outside the app',
      stripe_card: 'Stripe Credit Card Payment',
    } satisfies Record<PaymentMethod, string>,
  },
  ja: {
    title: '注文確認書',
    orderNumber: '注文番号',
    provisional: '仮番号',
    provisionalNote: 'この注文は同期待ちです。ブランドのシステムが受け取ると正式な番号が付きます。',
    status: '状態',
    placed: '注文日',
    buyer: 'バイヤー',
    customer: '顧客',
    contact: '担当者',
    shipTo: '配送先',
    billTo: '請求先',
    noAddress: '住所の指定なし',
    window: '納期',
    shipStart: '出荷開始',
    cancelDate: 'キャンセル期限',
    po: '発注番号',
    payment: '支払方法',
    shippingRate: '配送',
    terms: '取引条件',
    pricelist: '価格表',
    discount: '割引',
    style: 'スタイル',
    colorway: 'カラー',
    sizes: 'サイズと数量',
    unitPrice: '単価',
    units: '数量',
    amount: '金額',
    subtotal: '小計',
    tax: '税',
    taxIncluded: 'うち税',
    total: '合計',
    note: '備考',
    approvedBy: '承認者',
    rep: '営業担当',
    none: '—',
    page: (page: number, pages: number) => `${page} / ${pages} ページ`,
    statuses: {
      'Checkout Requested': 'チェックアウトのリクエスト',
      Order: '注文',
      Confirmed: '確定',
      Cancelled: 'キャンセル',
    } satisfies Record<OrderState, string>,
    payments: {
      outside_app: 'アプリ外で支払う',
      stripe_card: 'Stripeクレジットカード決済',
    } satisfies Record<PaymentMethod, string>,
  },
} as const;

/**
 * Formats the document's values in its language: money, counts, dates, percentages.
 * Made once per language and time zone: building Intl formatters costs more than using
 * them, and every order placed formats its mail.
 */
export function confirmationFormat(language: ConfirmationLanguage) {
  let format = formats.get(language);
  if (!format) {
    format = makeFormat(language);
    formats.set(language, format);
  }
  return format;
}

const formats = new Map<ConfirmationLanguage, ReturnType<typeof makeFormat>>();

function makeFormat(language: ConfirmationLanguage) {
  const count = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 });
  const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const instants = new Map<string, Intl.DateTimeFormat>();
  return {
    money: (value: Money) => formatMoney(value, language),
    count: (value: number) => count.format(value),
    percent: (basisPoints: number) => percent.format(basisPoints / 10_000),
    /** A calendar date (`2027-03-01`) as written; no zone moves it a day. */
    day: (value: string) => {
      const parsed = new Date(`${value.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) ? value : dateOnly.format(parsed);
    },
    /** An instant, read in `timeZone` (the reader's, else UTC). */
    instant: (value: string, timeZone?: string) => {
      const parsed = new Date(value);
      if (Number.isNaN(parsed.getTime())) return value;
      const zone = timeZone ?? 'UTC';
      let formatter = instants.get(zone);
      if (!formatter) {
        formatter = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: zone });
        instants.set(zone, formatter);
      }
      return formatter.format(parsed);
    },
  };
}

/** The confirmation's file name, in the document's words. */
export function confirmationFileStem(document: ConfirmationDocument): string[] {
  return [CONFIRMATION_LABELS[document.language].title, document.number.text, document.buyer.name];
}

const MAIL_WORDS = {
  en: {
    subject: {
      requested: (number: string, brand: string) =>
        `Checkout requested: order ${number} – ${brand}`,
      placed: (number: string, brand: string) => `Order ${number} placed – ${brand}`,
      confirmed: (number: string, brand: string) => `Order ${number} confirmed – ${brand}`,
      cancelled: (number: string, brand: string) => `Order ${number} cancelled – ${brand}`,
    },
    opening: {
      requested: (brand: string) =>
        `Thank you. ${brand} has your checkout request and will complete the order with you.`,
      placed: (brand: string) => `Thank you for your order with ${brand}.`,
      confirmed: (brand: string) => `${brand} has confirmed your order.`,
      cancelled: (brand: string) => `${brand} has cancelled your order.`,
    },
    reason: 'Reason',
    greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    attached: 'The order confirmation is attached as a PDF.',
    signOff: (brand: string) => `Kind regards,\n${brand}`,
  },
  ja: {
    subject: {
      requested: (number: string, brand: string) =>
        `【${brand}】チェックアウトのリクエストを受け付けました（注文番号 ${number}）`,
      placed: (number: string, brand: string) =>
        `【${brand}】ご注文ありがとうございます（注文番号 ${number}）`,
      confirmed: (number: string, brand: string) =>
        `【${brand}】ご注文が確定しました（注文番号 ${number}）`,
      cancelled: (number: string, brand: string) =>
        `【${brand}】ご注文がキャンセルされました（注文番号 ${number}）`,
    },
    opening: {
      requested: (brand: string) =>
        `${brand} がチェックアウトのリクエストを受け付けました。担当者が注文を完了します。`,
      placed: (brand: string) => `${brand} へのご注文ありがとうございます。`,
      confirmed: (brand: string) => `${brand} がご注文を確定しました。`,
      cancelled: (brand: string) => `${brand} がご注文をキャンセルしました。`,
    },
    reason: '理由',
    greeting: (name: string) => (name ? `${name} 様` : 'お客様'),
    attached: '注文確認書を PDF で添付しています。',
    signOff: (brand: string) => `今後ともよろしくお願いいたします。\n${brand}`,
  },
} as const;

/**
 * The mail that carries the confirmation, in the buyer's language: a subject naming the
 * number, and a short text with the order's essentials (the PDF holds the rest). The
 * hub's outbox sends it; the desktop puts the same words in a mail client's draft.
 */
export function confirmationMail(
  document: ConfirmationDocument,
  event: ConfirmationEvent,
  /** Why the order was cancelled, as the brand said it (a cancellation's mail). */
  reason = '',
): { subject: string; text: string } {
  const words = MAIL_WORDS[document.language];
  const labels = CONFIRMATION_LABELS[document.language];
  const format = confirmationFormat(document.language);
  const brand = document.brandName;
  const facts: [string, string][] = [
    [labels.orderNumber, document.number.text],
    [labels[document.buyer.label], document.buyer.name],
    [labels.units, format.count(document.totals.units)],
    [labels.total, format.money(document.totals.total)],
  ];
  const { tax } = document.totals;
  if (tax) facts.push([tax.included ? labels.taxIncluded : labels.tax, format.money(tax.amount)]);
  if (document.poNumber) facts.push([labels.po, document.poNumber]);
  const { shipStart, cancelDate } = document.window;
  if (shipStart || cancelDate) {
    facts.push([
      labels.window,
      [shipStart, cancelDate].map((day) => (day ? format.day(day) : '…')).join(' – '),
    ]);
  }
  if (document.shipTo) facts.push([labels.shipTo, document.shipTo.join(', ')]);
  const text = [
    words.greeting(document.contact.name),
    '',
    words.opening[event](brand),
    ...(reason.trim() ? [`${words.reason}: ${reason.trim()}`] : []),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    words.attached,
    '',
    words.signOff(brand),
  ].join('\n');
  return { subject: words.subject[event](document.number.text, brand), text };
}

/**
 * A mailto: address that opens the mail client with the confirmation's mail ready: to
 * the buyer's contact, the rep in copy (RFC 6068; every part percent-encoded).
 */
export function confirmationMailto(
  document: ConfirmationDocument,
  mail: { subject: string; text: string },
): string {
  const to = document.recipients.to.map(encodeURIComponent).join(',');
  const query = [
    ...(document.recipients.cc.length > 0
      ? [`cc=${document.recipients.cc.map(encodeURIComponent).join(',')}`]
      : []),
    `subject=${encodeURIComponent(mail.subject)}`,
    `body=${encodeURIComponent(mail.text.replace(/\n/g, '\r\n'))}`,
  ];
  return `mailto:${to}?${query.join('&')}`;
}
