import { z } from 'zod';
import {
  LOOKBOOK_STATUSES,
  MAX_LOOKBOOK_CAPTION,
  MAX_LOOKBOOK_NAME,
  MAX_LOOKBOOK_PAGES,
  MAX_STYLES_PER_PAGE,
  type LookbookStatus,
} from '../../main/domain/lookbooks.ts';
import { operation } from './operation.ts';

const id = z.string().min(1).max(64);

/** A lookbook as the Lookbooks section lists it. */
export interface LookbookSummary {
  id: string;
  name: string;
  status: LookbookStatus;
  pages: number;
  /** Styles linked from its pages, each counted once. */
  styles: number;
  /** The first page's picture. */
  coverPictureId: string | null;
  /** Changed on this computer, not yet on the hub. */
  waitingToSync: boolean;
}

/** A style linked from a page, with its first colourway's picture to use for the page. */
export interface LookbookStyle {
  id: string;
  styleNumber: string;
  name: string;
  pictureId: string | null;
}

export interface LookbookDetail {
  id: string;
  name: string;
  status: LookbookStatus;
  pages: { pictureId: string; caption: string; styles: LookbookStyle[] }[];
}

/**
 * A lookbook as the dialog sends it, pages in order. The domain's lookbookProblems
 * judges it and answers each problem at its field; this only bounds the input.
 */
export const LookbookInput = z.strictObject({
  /** Absent for a new lookbook. */
  id: id.optional(),
  name: z.string().max(MAX_LOOKBOOK_NAME * 2),
  status: z.enum(LOOKBOOK_STATUSES),
  pages: z
    .array(
      z.strictObject({
        pictureId: id.nullable(),
        caption: z.string().max(MAX_LOOKBOOK_CAPTION * 2),
        productIds: z.array(id).max(MAX_STYLES_PER_PAGE * 2),
      }),
    )
    .max(MAX_LOOKBOOK_PAGES * 2),
});
export type LookbookInput = z.infer<typeof LookbookInput>;

export const lookbooksOperations = {
  'lookbooks.list': operation<LookbookSummary[]>()({
    input: z.strictObject({}),
    summary: "The brand's lookbooks with their status and numbers of pages and styles",
  }),
  'lookbooks.open': operation<LookbookDetail>()({
    input: z.strictObject({ id }),
    summary: 'A lookbook with its pages: picture, caption and linked styles',
  }),
  'lookbooks.save': operation<{ id: string; lookbooks: LookbookSummary[] }>()({
    input: LookbookInput,
    summary: 'Make or change a lookbook with all its pages (admins)',
  }),
  'lookbooks.remove': operation<LookbookSummary[]>()({
    input: z.strictObject({ id }),
    summary: 'Remove a lookbook (admins)',
  }),
};
