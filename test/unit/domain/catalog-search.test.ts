import { describe, expect, it } from 'vitest';
import {
  containsPattern,
  parseCatalogQuery,
  prefixPattern,
  styleForEnter,
} from '../../../main/domain/catalog-search.ts';

describe('catalog search query', () => {
  it('splits what the rep typed into lower-case words, each required once', () => {
    expect(parseCatalogQuery('  Merino   CARDIGAN merino ')).toMatchObject({
      text: 'Merino CARDIGAN merino',
      terms: ['merino', 'cardigan'],
      barcode: null,
    });
  });

  it('treats 8 to 14 digits as a possible scanned barcode', () => {
    expect(parseCatalogQuery('4006381333931').barcode).toBe('4006381333931');
    expect(parseCatalogQuery('1234567').barcode).toBeNull();
    expect(parseCatalogQuery('123456789012345').barcode).toBeNull();
    expect(parseCatalogQuery('NA-10234').barcode).toBeNull();
  });

  it('keeps the whole query for ranking an exact style number first', () => {
    expect(parseCatalogQuery('NA-10234').styleNumber).toBe('na-10234');
  });

  it('matches %, _ and backslash literally', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(prefixPattern('na_1')).toBe('na\\_1%');
  });

  it('finds nothing to filter in an empty query', () => {
    expect(parseCatalogQuery('   ').terms).toEqual([]);
  });

  it('bounds the work a pasted paragraph can cause', () => {
    expect(parseCatalogQuery('a b c d e f g h i j k l').terms).toHaveLength(8);
  });
});

describe('the style Enter opens', () => {
  const answers = [
    { styleNumber: 'NA-10234X' },
    { styleNumber: 'NA-10234' },
    { styleNumber: 'NB-1' },
  ];

  it('is the exact style number typed, in any letter case, before longer ones it begins', () => {
    expect(styleForEnter(' na-10234 ', answers)).toBe(answers[1]);
  });

  it('is the best match when no style number is exactly what was typed', () => {
    expect(styleForEnter('NA-102', answers)).toBe(answers[0]);
  });

  it('is the one picked with the arrow keys over the exact one', () => {
    expect(styleForEnter('NA-10234', answers, 2)).toBe(answers[2]);
  });

  it('is none when nothing matched', () => {
    expect(styleForEnter('NA-10234', [])).toBeNull();
  });
});
