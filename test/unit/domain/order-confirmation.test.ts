import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLines } from '../../../main/domain/addresses.ts';
import {
  countryTimeZone,
  confirmationMail,
  confirmationMailto,
  orderConfirmationDocument,
  type ConfirmationLineFacts,
} from '../../../main/domain/order-confirmation.ts';
import {
  confirmationFacts,
  confirmationLines,
  japaneseConfirmationFacts,
} from '../../support/order-confirmation.ts';

describe('the order confirmation document', () => {
  it('groups lines per style and colourway, sizes in their run’s order, with units and amounts', () => {
    const lines = confirmationLines(12);
    // The store answers lines in any order; the document puts them in the catalog's.
    const document = orderConfirmationDocument(confirmationFacts([...lines].reverse()));
    expect(document.groups.map((group) => [group.styleNumber, group.colorway.code])).toEqual([
      ['SS27-01000', 'NAV'],
      ['SS27-01000', 'ECR'],
    ]);
    const [navy] = document.groups;
    expect(navy!.sizes).toEqual([
      { size: 'XS', quantity: 1 },
      { size: 'S', quantity: 3 },
      { size: 'M', quantity: 5 },
      { size: 'L', quantity: 2 },
      { size: 'XL', quantity: 4 },
      { size: 'XXL', quantity: 1 },
    ]);
    expect(navy!.units).toBe(16);
    // XXL costs more: the unit price is a range and the amount sums each size's price.
    expect(navy!.unitPrice).toEqual({
      low: { amountMinor: 4_950, currency: 'EUR' },
      high: { amountMinor: 5_200, currency: 'EUR' },
    });
    expect(navy!.amount).toEqual({ amountMinor: 15 * 4_950 + 5_200, currency: 'EUR' });
  });

  it('keeps every unit and amount of the lines in its groups', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            style: fc.integer({ min: 0, max: 4 }),
            colour: fc.integer({ min: 0, max: 2 }),
            size: fc.integer({ min: 0, max: 5 }),
            quantity: fc.integer({ min: 1, max: 500 }),
            price: fc.integer({ min: 0, max: 1_000_000 }),
          }),
          { maxLength: 60 },
        ),
        (drawn) => {
          const seen = new Set<string>();
          const lines: ConfirmationLineFacts[] = drawn
            .filter((line) => {
              const key = `${line.style}/${line.colour}/${line.size}`;
              if (seen.has(key)) return false;
              seen.add(key);
              return true;
            })
            .map((line) => ({
              styleNumber: `S${line.style}`,
              styleName: `Style ${line.style}`,
              colorwayCode: `C${line.colour}`,
              colorwayName: `Colour ${line.colour}`,
              colorHex: '#000000',
              colorwayPosition: line.colour,
              size: `Z${line.size}`,
              sizePosition: line.size,
              quantity: line.quantity,
              unitPriceMinor: line.price,
            }));
          const { groups } = orderConfirmationDocument(confirmationFacts(lines));
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(sum(groups.map((group) => group.units))).toBe(
            sum(lines.map((line) => line.quantity)),
          );
          expect(sum(groups.map((group) => group.amount.amountMinor))).toBe(
            sum(lines.map((line) => line.quantity * line.unitPriceMinor)),
          );
          expect(sum(groups.map((group) => group.sizes.length))).toBe(lines.length);
        },
      ),
    );
  });

  it('takes the totals the order was placed with, discount and shipping included', () => {
    const facts = confirmationFacts();
    const { totals } = orderConfirmationDocument(facts);
    expect(totals).toEqual({
      units: facts.order.units,
      subtotal: { amountMinor: facts.order.subtotalMinor, currency: 'EUR' },
      discount: { amountMinor: facts.order.discountMinor, currency: 'EUR' },
      discountBasisPoints: 1_000,
      shipping: { amountMinor: 2_500, currency: 'EUR' },
      tax: null,
      total: { amountMinor: facts.order.totalMinor, currency: 'EUR' },
    });
    const bare = orderConfirmationDocument({
      ...facts,
      order: { ...facts.order, discountMinor: 0, shippingMinor: 0, shippingRateName: '' },
    });
    expect(bare.totals.discount).toBeNull();
    expect(bare.totals.shipping).toBeNull();
  });

  it('says a DTC order’s tax, added to the total or inside its prices', () => {
    const facts = confirmationFacts();
    const added = orderConfirmationDocument({
      ...facts,
      order: { ...facts.order, tax: { amountMinor: 1_900, included: false } },
    });
    expect(added.totals.tax).toEqual({
      amount: { amountMinor: 1_900, currency: 'EUR' },
      included: false,
    });
    expect(confirmationMail(added, 'placed').text).toContain('Tax: €19.00');
    const inside = orderConfirmationDocument({
      ...facts,
      order: { ...facts.order, tax: { amountMinor: 1_900, included: true } },
    });
    expect(confirmationMail(inside, 'placed').text).toContain('Tax included: €19.00');
  });

  it('calls a DTC order’s person its customer, a wholesale order’s its buyer', () => {
    const facts = confirmationFacts();
    const wholesale = confirmationMail(orderConfirmationDocument(facts), 'placed').text;
    expect(wholesale).toContain(`Buyer: ${facts.buyer.name}`);
    const dtc = orderConfirmationDocument({
      ...facts,
      order: { ...facts.order, source: 'dtc_link' },
    });
    expect(dtc.buyer.label).toBe('customer');
    const mail = confirmationMail(dtc, 'placed').text;
    expect(mail).toContain(`Customer: ${facts.buyer.name}`);
    expect(mail).not.toContain('Buyer:');
  });

  it('marks a number the hub has not given yet as provisional', () => {
    expect(orderConfirmationDocument(confirmationFacts()).number).toEqual({
      text: 'SO-2027-00042',
      provisional: false,
    });
    expect(
      orderConfirmationDocument(confirmationFacts(undefined, { number: 'P-AB12-7' })).number,
    ).toEqual({ text: 'P-AB12-7', provisional: true });
    expect(
      orderConfirmationDocument(confirmationFacts(undefined, { number: null })).number,
    ).toEqual({ text: '0000ABCD', provisional: true });
  });

  it('mails the order’s contact, else the buyer’s, with the rep in copy once', () => {
    const facts = confirmationFacts();
    expect(orderConfirmationDocument(facts).recipients).toEqual({
      to: ['ines@riviere.example'],
      cc: ['sofie@nordlys.example'],
    });
    const noContact = orderConfirmationDocument({
      ...facts,
      order: { ...facts.order, contact: { name: '', email: ' ', phone: '' } },
      rep: { name: 'Sofie Lund', email: 'orders@riviere.example' },
    });
    expect(noContact.recipients).toEqual({ to: ['orders@riviere.example'], cc: [] });
    const nobody = orderConfirmationDocument({
      ...facts,
      order: { ...facts.order, contact: { name: '', email: '', phone: '' } },
      buyer: { ...facts.buyer, contactEmail: '' },
      rep: null,
    });
    expect(nobody.recipients).toEqual({ to: [], cc: [] });
    // A buyer without any email: the rep gets it, to forward or print.
    const repOnly = orderConfirmationDocument({
      ...facts,
      order: { ...facts.order, contact: { name: '', email: '', phone: '' } },
      buyer: { ...facts.buyer, contactEmail: '' },
    });
    expect(repOnly.recipients).toEqual({ to: ['sofie@nordlys.example'], cc: [] });
  });

  it('speaks the buyer’s language: Japanese addresses from the postal code down', () => {
    const document = orderConfirmationDocument(japaneseConfirmationFacts());
    expect(document.language).toBe('ja');
    expect(document.shipTo).toEqual([
      '〒150-0001',
      '東京都渋谷区',
      '神宮前 1-2-3',
      'ミナトビル 4F',
      '株式会社ミナト',
      '日本',
      '03-0000-0000',
    ]);
    expect(document.billTo).toBeNull();
    expect(
      orderConfirmationDocument(confirmationFacts(undefined, { language: 'de' })).language,
    ).toBe('en');
  });

  it('writes an address elsewhere from the name down to the country, in the reader’s words', () => {
    const address = confirmationFacts().order.shipTo!;
    expect(addressLines(address, 'France')).toEqual([
      'Maison Rivière – Entrepôt',
      '12 rue des Tanneurs',
      '69002 Lyon',
      'France',
      '+33 4 78 00 00 00',
    ]);
    const japanese = confirmationFacts(undefined, { language: 'ja' });
    expect(orderConfirmationDocument(japanese).shipTo).toContain('フランス');
  });
});

describe('the confirmation’s time zone', () => {
  it('is the buyer’s country’s when it has one, else none (UTC)', () => {
    expect(countryTimeZone('JP')).toBe('Asia/Tokyo');
    expect(countryTimeZone('FR')).toBe('Europe/Paris');
    expect(countryTimeZone('US')).toBeNull();
    expect(countryTimeZone('not a country')).toBeNull();
    expect(orderConfirmationDocument(japaneseConfirmationFacts()).timeZone).toBe('Asia/Tokyo');
  });
});

describe('the confirmation mail', () => {
  it('names the number and the brand, and sums the order up in the buyer’s language', () => {
    const document = orderConfirmationDocument(confirmationFacts());
    const mail = confirmationMail(document, 'confirmed');
    expect(mail.subject).toBe('Order SO-2027-00042 confirmed – Nordlys');
    expect(mail.text).toContain('Hello Inès Duarte,');
    expect(mail.text).toContain('PO number: PO-7781');
    expect(mail.text).toContain('Delivery window: March 1, 2027 – March 31, 2027');
    expect(mail.text).toContain(`Total: ${'€1,548.70'}`);
    const japanese = confirmationMail(
      orderConfirmationDocument(japaneseConfirmationFacts()),
      'placed',
    );
    expect(japanese.subject).toBe(
      '【Nordlys】ご注文ありがとうございます（注文番号 SO-2027-00042）',
    );
    expect(japanese.text).toContain('山田 花子 様');
  });

  it('makes a mailto: address whose parts survive their encoding', () => {
    const document = orderConfirmationDocument(confirmationFacts());
    const mail = confirmationMail(document, 'placed');
    const url = new URL(confirmationMailto(document, mail));
    expect(url.protocol).toBe('mailto:');
    expect(decodeURIComponent(url.pathname)).toBe('ines@riviere.example');
    expect(url.searchParams.get('cc')).toBe('sofie@nordlys.example');
    expect(url.searchParams.get('subject')).toBe(mail.subject);
    expect(url.searchParams.get('body')).toBe(mail.text.replace(/\n/g, '\r\n'));
  });
});
