import type { Id } from './model.ts';
import type { Refusal } from './refusal.ts';

/**
 * A lookbook: pages of pictures with captions, each page linking the styles it shows.
 * Customer order links offer a brand's lookbooks; buyers see only the Public ones
 * ("Lookbooks with a status of Draft will not be displayed to buyers").
 */

export const LOOKBOOK_STATUSES = ['Public', 'Draft'] as const;
export type LookbookStatus = (typeof LOOKBOOK_STATUSES)[number];
/** A new lookbook stays hidden from buyers until the brand says it is ready. */
export const DEFAULT_LOOKBOOK_STATUS: LookbookStatus = 'Draft';

export const MAX_LOOKBOOK_NAME = 120;
/** Pages of one lookbook: a season's story, with room. */
export const MAX_LOOKBOOK_PAGES = 100;
export const MAX_LOOKBOOK_CAPTION = 500;
/** Styles linked from one page: what one picture can show. */
export const MAX_STYLES_PER_PAGE = 20;

export interface LookbookPage {
  /** A picture in the brand's media: an uploaded image or one of the catalog's. */
  readonly pictureId: Id | null;
  readonly caption: string;
  /** The styles the page shows, in order, by product id. */
  readonly productIds: readonly Id[];
}

export interface LookbookSettings {
  readonly name: string;
  readonly status: string;
  readonly pages: readonly LookbookPage[];
}

export const LOOKBOOK_REFUSALS = [
  'lookbook_name_required',
  'lookbook_name_too_long',
  'lookbook_name_taken',
  'lookbook_status_invalid',
  'lookbook_pages_required',
  'lookbook_too_many_pages',
  'lookbook_picture_required',
  'lookbook_caption_too_long',
  'lookbook_too_many_styles',
  'lookbook_style_repeated',
] as const;
export type LookbookRefusal = (typeof LOOKBOOK_REFUSALS)[number];

/**
 * A problem at its field: `name`, `status` or `pages` for the lookbook, or a page's
 * `picture`, `caption` or `styles` with the page's index (0 first).
 */
export interface LookbookProblem extends Refusal<LookbookRefusal> {
  readonly field: 'name' | 'status' | 'pages' | 'picture' | 'caption' | 'styles';
  readonly page?: number;
}

function problem(
  field: LookbookProblem['field'],
  code: LookbookRefusal,
  params: Refusal['params'] = {},
  page?: number,
): LookbookProblem {
  return page === undefined ? { field, code, params } : { field, code, params, page };
}

/**
 * Everything wrong with a lookbook as saved, each at its field; none: it may be saved.
 * The name and captions are judged trimmed (and stored so). A lookbook has at least one
 * page, and each page a picture: a page without one would show buyers an empty frame.
 */
export function lookbookProblems(lookbook: LookbookSettings): LookbookProblem[] {
  const problems: LookbookProblem[] = [];
  const name = lookbook.name.trim();
  if (name === '') problems.push(problem('name', 'lookbook_name_required'));
  if (name.length > MAX_LOOKBOOK_NAME) {
    problems.push(problem('name', 'lookbook_name_too_long', { max: MAX_LOOKBOOK_NAME }));
  }
  if (!(LOOKBOOK_STATUSES as readonly string[]).includes(lookbook.status)) {
    problems.push(problem('status', 'lookbook_status_invalid'));
  }
  if (lookbook.pages.length === 0) problems.push(problem('pages', 'lookbook_pages_required'));
  if (lookbook.pages.length > MAX_LOOKBOOK_PAGES) {
    problems.push(problem('pages', 'lookbook_too_many_pages', { max: MAX_LOOKBOOK_PAGES }));
  }
  for (const [index, page] of lookbook.pages.entries()) {
    if (page.pictureId === null || page.pictureId === '') {
      problems.push(problem('picture', 'lookbook_picture_required', {}, index));
    }
    if (page.caption.trim().length > MAX_LOOKBOOK_CAPTION) {
      problems.push(
        problem('caption', 'lookbook_caption_too_long', { max: MAX_LOOKBOOK_CAPTION }, index),
      );
    }
    if (page.productIds.length > MAX_STYLES_PER_PAGE) {
      problems.push(
        problem('styles', 'lookbook_too_many_styles', { max: MAX_STYLES_PER_PAGE }, index),
      );
    } else if (new Set(page.productIds).size !== page.productIds.length) {
      problems.push(problem('styles', 'lookbook_style_repeated', {}, index));
    }
  }
  return problems;
}

/** Where a problem is said in a form: `name`, or `pages.2.caption` for the third page's caption. */
export function lookbookProblemPath(problem: LookbookProblem): string {
  return problem.page === undefined ? problem.field : `pages.${problem.page}.${problem.field}`;
}
