import { describe, expect, it } from 'vitest';
import { orderConfirmationDocument } from '../../../main/domain/order-confirmation.ts';
import { confirmationFile } from '../../../main/services/export/order-confirmation.ts';
import { pdfPages } from '../../support/pdf-text.ts';
import {
  confirmationFacts,
  confirmationLines,
  japaneseConfirmationFacts,
} from '../../support/order-confirmation.ts';

const now = new Date('2026-09-14T10:00:00Z');

describe('the order confirmation PDF', () => {
  it('prints the number, buyer, addresses, lines by size and the totals', async () => {
    const file = await confirmationFile(orderConfirmationDocument(confirmationFacts()), { now });
    expect(file.fileName).toBe('Order confirmation – SO-2027-00042 – Maison Rivière.pdf');
    expect(file.contentType).toBe('application/pdf');
    const [page, ...rest] = await pdfPages(file.bytes);
    expect(rest).toEqual([]);
    for (const text of [
      'Order confirmation',
      'SO-2027-00042',
      'Maison Rivière',
      '12 rue des Tanneurs',
      '3 place Bellecour',
      'March 1, 2027',
      'PO-7781',
      'Pay outside the app',
      'Europe standard',
      'SS27-01000',
      'XXL',
      '€1,548.70',
      'Please pack the shirts folded, not on hangers.',
      'Inès Duarte',
      'Page 1 of 1',
    ]) {
      expect(page).toContain(text);
    }
  });

  it('says a number is provisional while the order waits to sync', async () => {
    const document = orderConfirmationDocument(confirmationFacts(undefined, { number: null }));
    const [page] = await pdfPages((await confirmationFile(document, { now })).bytes);
    expect(page).toContain('0000ABCD (Provisional)');
    expect(page).toContain('This order is waiting to sync.');
  });

  it('writes Japanese for a Japanese buyer, and English with question marks without the font', async () => {
    const document = orderConfirmationDocument(japaneseConfirmationFacts());
    const [page] = await pdfPages((await confirmationFile(document, { now })).bytes);
    expect(page).toContain('注文確認書');
    expect(page).toContain('株式会社ミナト');
    expect(page).toContain('〒150-0001');
    // Placed at 20:00 UTC on the 14th: already the 15th in Tokyo.
    const late = orderConfirmationDocument({
      ...japaneseConfirmationFacts(),
      order: { ...japaneseConfirmationFacts().order, createdAt: '2026-09-14T20:00:00.000Z' },
    });
    expect((await pdfPages((await confirmationFile(late, { now })).bytes)).join('\n')).toContain(
      '2026年9月15日',
    );
    const [plain] = await pdfPages((await confirmationFile(document, { now, fonts: null })).bytes);
    expect(plain).toContain('Order confirmation');
    expect(plain).not.toContain('注文確認書');
  });

  it('runs a 500-line order over pages, headings repeated, every style printed', async () => {
    const document = orderConfirmationDocument(confirmationFacts(confirmationLines(500)));
    const pages = await pdfPages((await confirmationFile(document, { now })).bytes);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(1)) expect(page).toContain('Sizes and quantities');
    const text = pages.join('\n');
    for (const group of document.groups) expect(text).toContain(group.styleNumber);
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });
});
