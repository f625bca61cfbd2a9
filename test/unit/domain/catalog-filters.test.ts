import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  colourChoices,
  colourKey,
  compareCatalogs,
  compareSeasons,
  compareText,
  filtersStillOffered,
  hasActiveFilters,
  seasonOrder,
} from '../../../main/domain/catalog-filters.ts';

describe('catalog filters', () => {
  it('leaves out what narrows nothing, in a fixed order', () => {
    const active = activeFilters({
      inStock: true,
      colour: 'Navy',
      season: '',
      category: undefined,
      catalogId: 'k1',
    });
    expect(active).toEqual({ catalogId: 'k1', colour: 'Navy', inStock: true });
    expect(Object.keys(active)).toEqual(['catalogId', 'colour', 'inStock']);
    expect(activeFilters({ inStock: false, season: '' })).toEqual({});
    expect(hasActiveFilters({ inStock: false })).toBe(false);
    expect(hasActiveFilters({ category: 'Shirts' })).toBe(true);
  });

  it('folds letter case of colour names as SQLite NOCASE does: ASCII letters only', () => {
    expect(colourKey('Off WHITE')).toBe('off white');
    expect(colourKey('ÉCRU')).toBe('Écru');
  });

  it('offers each colourway name once, with the spelling and swatch most colourways use', () => {
    const choices = colourChoices([
      { name: 'Navy', colorHex: '#1f2d4a', colorways: 40 },
      { name: 'NAVY', colorHex: '#1f2d4a', colorways: 3 },
      { name: 'Navy', colorHex: '#202e50', colorways: 5 },
      { name: 'Ecru', colorHex: '#efe7d6', colorways: 2 },
      { name: 'black', colorHex: '#000000', colorways: 1 },
      { name: '  ', colorHex: '#ffffff', colorways: 9 },
    ]);
    expect(choices).toEqual([
      { name: 'black', colorHex: '#000000' },
      { name: 'Ecru', colorHex: '#efe7d6' },
      { name: 'Navy', colorHex: '#1f2d4a' },
    ]);
  });

  it('breaks a tie between spellings the same way on every device', () => {
    const uses = [
      { name: 'Sky', colorHex: '#9ec3de', colorways: 2 },
      { name: 'SKY', colorHex: '#8eb3ce', colorways: 2 },
    ];
    expect(colourChoices(uses)).toEqual(colourChoices(uses.toReversed()));
    expect(colourChoices(uses)).toEqual([{ name: 'SKY', colorHex: '#8eb3ce' }]);
  });

  it('reads season codes as a year and a half of it', () => {
    expect(seasonOrder('AW26')).toEqual({ year: 2026, half: 2 });
    expect(seasonOrder('ss 2027')).toEqual({ year: 2027, half: 1 });
    expect(seasonOrder('FW-27')).toEqual({ year: 2027, half: 2 });
    expect(seasonOrder('Spring 2028')).toEqual({ year: 2028, half: 1 });
    expect(seasonOrder('Core')).toBeNull();
    expect(seasonOrder('Resort 27')).toBeNull();
  });

  it('lists seasons newest first, names that are no season codes last', () => {
    const seasons = ['SS27', 'Core', 'AW26', 'Capsule', 'AW27', 'SS26'];
    expect(seasons.toSorted(compareSeasons)).toEqual([
      'AW27',
      'SS27',
      'AW26',
      'SS26',
      'Capsule',
      'Core',
    ]);
  });

  it('lists catalogs a rep can sell from first, then by name', () => {
    const catalogs = [
      { name: 'AW26 Collection', status: 'Closed' as const },
      { name: 'SS27 Pre-order Capsule', status: 'Limited' as const },
      { name: 'SS27 Main Collection', status: 'Open' as const },
      { name: 'AW27 Preview', status: 'Limited' as const },
    ];
    expect(catalogs.toSorted(compareCatalogs).map((c) => c.name)).toEqual([
      'SS27 Main Collection',
      'AW27 Preview',
      'SS27 Pre-order Capsule',
      'AW26 Collection',
    ]);
  });

  it('orders names by letters and numbers by value', () => {
    expect(['Size 10', 'size 2', 'Bags'].toSorted(compareText)).toEqual([
      'Bags',
      'size 2',
      'Size 10',
    ]);
    expect(compareText('Shirts', 'Shirts')).toBe(0);
  });

  it('lets go of chosen filters the catalog no longer offers, keeping the rest', () => {
    const offered = {
      catalogIds: ['k1'],
      seasons: ['SS27'],
      categories: ['Shirts'],
      colours: ['Navy'],
    };
    const chosen = { catalogId: 'k1', season: 'SS27', category: 'Shirts', colour: 'NAVY' };
    expect(filtersStillOffered({ ...chosen, inStock: true }, offered)).toEqual({
      ...chosen,
      inStock: true,
    });
    expect(
      filtersStillOffered(
        { catalogId: 'gone', season: 'AW26', category: 'Hats', colour: 'Teal', inStock: true },
        offered,
      ),
    ).toEqual({ inStock: true });
  });
});
