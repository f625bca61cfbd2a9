/** Helpers for statements over many rows. */

/** SQLite takes at most 32,766 parameters per statement. */
const MAX_PARAMETERS = 32_000;

export async function inChunks<T, R>(
  values: T[],
  query: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < values.length; start += MAX_PARAMETERS) {
    results.push(...(await query(values.slice(start, start + MAX_PARAMETERS))));
  }
  return results;
}

export async function insertInBatches<Row extends object>(
  rows: Row[],
  insert: (batch: Row[]) => Promise<unknown>,
): Promise<void> {
  if (rows.length === 0) return;
  const batch = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length));
  for (let start = 0; start < rows.length; start += batch)
    await insert(rows.slice(start, start + batch));
}
