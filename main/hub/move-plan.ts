/**
 * The pure part of moving a brand's hub from SQLite to PostgreSQL (move-to-postgres.ts):
 * in which order its tables are copied and how many rows go in one statement.
 */

/** PostgreSQL's wire protocol numbers a statement's parameters with 16 bits. */
export const POSTGRES_MAX_PARAMETERS = 65_535;

/** Rows per statement at most, however few columns: a statement's text stays small. */
const MAX_ROWS_PER_STATEMENT = 1_000;

/**
 * Rows per statement for a table with blob columns (media bytes, uploads), read and sent
 * a few at a time so a brand's pictures never sit in memory all at once.
 */
const MAX_ROWS_WITH_BLOBS = 16;

export class TableOrderError extends Error {}

/**
 * The tables in an order where every table comes after the tables its foreign keys point
 * to, so each row's parents are already there when it is inserted. A table's references
 * to itself are left to the order of its rows; ties keep the names' alphabetical order so
 * every move copies the same way. A cycle between tables has no such order: it is named.
 */
export function foreignKeyOrder(references: ReadonlyMap<string, readonly string[]>): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting: string[] = [];
  const visit = (table: string) => {
    if (placed.has(table)) return;
    if (visiting.includes(table)) {
      const cycle = [...visiting.slice(visiting.indexOf(table)), table];
      throw new TableOrderError(`The tables refer to each other in a cycle: ${cycle.join(' → ')}.`);
    }
    visiting.push(table);
    for (const parent of [...(references.get(table) ?? [])].sort()) {
      if (parent === table) continue;
      if (!references.has(parent)) {
        throw new TableOrderError(`${table} refers to ${parent}, which is not a table here.`);
      }
      visit(parent);
    }
    visiting.pop();
    placed.add(table);
    ordered.push(table);
  };
  for (const table of [...references.keys()].sort()) visit(table);
  return ordered;
}

/** How many rows of a table one insert statement carries. */
export function rowsPerStatement(columns: number, hasBlobs: boolean): number {
  if (columns < 1) throw new RangeError('A table has at least one column.');
  return Math.max(
    1,
    Math.min(
      Math.floor(POSTGRES_MAX_PARAMETERS / columns),
      hasBlobs ? MAX_ROWS_WITH_BLOBS : MAX_ROWS_PER_STATEMENT,
    ),
  );
}
