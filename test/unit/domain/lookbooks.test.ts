import { describe, expect, it } from 'vitest';
import {
  lookbookProblemPath,
  lookbookProblems,
  MAX_LOOKBOOK_CAPTION,
  MAX_LOOKBOOK_NAME,
  MAX_LOOKBOOK_PAGES,
  MAX_STYLES_PER_PAGE,
  type LookbookPage,
  type LookbookSettings,
} from '../../../main/domain/lookbooks.ts';

const PAGE: LookbookPage = { pictureId: 'm1', caption: 'Linen, at dusk', productIds: ['p1', 'p2'] };
const GOOD: LookbookSettings = { name: 'SS27 Lookbook', status: 'Public', pages: [PAGE, PAGE] };

const problemsOf = (lookbook: Partial<LookbookSettings>) =>
  lookbookProblems({ ...GOOD, ...lookbook }).map(
    (problem) => `${lookbookProblemPath(problem)}:${problem.code}`,
  );

describe('a lookbook an admin saves', () => {
  it('is fine with a name, a status and pages with pictures', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ status: 'Draft' })).toEqual([]);
  });

  it('needs a name, trimmed, of at most the limit', () => {
    expect(problemsOf({ name: '   ' })).toEqual(['name:lookbook_name_required']);
    expect(problemsOf({ name: ` ${'a'.repeat(MAX_LOOKBOOK_NAME)} ` })).toEqual([]);
    const tooLong = lookbookProblems({ ...GOOD, name: 'a'.repeat(MAX_LOOKBOOK_NAME + 1) });
    expect(tooLong).toEqual([
      { field: 'name', code: 'lookbook_name_too_long', params: { max: MAX_LOOKBOOK_NAME } },
    ]);
  });

  it('is Public or Draft, nothing else', () => {
    expect(problemsOf({ status: 'public' })).toEqual(['status:lookbook_status_invalid']);
  });

  it('has at least one page and at most the limit', () => {
    expect(problemsOf({ pages: [] })).toEqual(['pages:lookbook_pages_required']);
    const pages = Array.from({ length: MAX_LOOKBOOK_PAGES + 1 }, () => PAGE);
    expect(problemsOf({ pages })).toEqual(['pages:lookbook_too_many_pages']);
  });

  it("says each page's problem at that page's field", () => {
    const problems = problemsOf({
      pages: [
        PAGE,
        { pictureId: null, caption: 'x'.repeat(MAX_LOOKBOOK_CAPTION + 1), productIds: [] },
        { ...PAGE, productIds: ['p1', 'p1'] },
        { ...PAGE, productIds: Array.from({ length: MAX_STYLES_PER_PAGE + 1 }, (_, i) => `p${i}`) },
      ],
    });
    expect(problems).toEqual([
      'pages.1.picture:lookbook_picture_required',
      'pages.1.caption:lookbook_caption_too_long',
      'pages.2.styles:lookbook_style_repeated',
      'pages.3.styles:lookbook_too_many_styles',
    ]);
  });

  it('judges a caption trimmed, and takes an empty one', () => {
    const caption = ` ${'x'.repeat(MAX_LOOKBOOK_CAPTION)} `;
    expect(problemsOf({ pages: [{ ...PAGE, caption }] })).toEqual([]);
    expect(problemsOf({ pages: [{ ...PAGE, caption: '' }] })).toEqual([]);
  });
});
