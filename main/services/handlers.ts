import type { StoreDb } from '../store/database.ts';
import { importCatalogCsv } from './catalog-import.ts';
import { brandSummary, mediaFile, searchCatalog } from './catalog.ts';
import type { HandlerTable } from './dispatch.ts';

/** The one implementation of the contract, mounted on every transport. */
export function createHandlers(db: StoreDb): HandlerTable {
  return {
    'brand.summary': () => brandSummary(db),
    'catalog.search': (_actor, input) => searchCatalog(db, input),
    'catalog.importCsv': (actor, input) => importCatalogCsv(db, actor, input),
    'media.get': (_actor, input) => mediaFile(db, input.id),
  };
}
