/** The buyer pages' own addresses, which the hub answers with the app (see pages.tsx). */
export const LOGIN_PAGE = '/login';
export const SELECTIONS_PAGE = '/selections';

/** The selection id in /selections/<id>, or null at any other address. */
export function accountSelectionId(path: string): string | null {
  return /^\/selections\/([\w-]{1,64})$/.exec(path)?.[1] ?? null;
}
