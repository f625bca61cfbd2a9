import i18next from 'i18next';
import type { ErrorCode, TrunkshowApi } from '../../preload/contract/index.ts';
import { isOperationErrorData } from '../../preload/contract/index.ts';

declare global {
  interface Window {
    /** Set by Electron's preload or the browser shell's bridge before the app runs. */
    readonly trunkshow?: TrunkshowApi;
  }
}

const MISSING_BRIDGE =
  'Trunkshow could not reach its data. Start it with "npm start" or "npm run start:browser".';

/** The one door to the main side. Throws a readable error when no shell provided it. */
export function trunkshow(): TrunkshowApi {
  const api = window.trunkshow;
  if (!api) throw new Error(MISSING_BRIDGE);
  return api;
}

/**
 * A picture's address, relative to the page: the browser shell serves /media/<id>, the
 * Electron app app://showroom/media/<id>, and both load the page from their root.
 */
export function mediaUrl(pictureId: string): string {
  return `media/${encodeURIComponent(pictureId)}`;
}

/**
 * The main side words its refusals in English. A rep reading another language gets the
 * refusal's code in their words instead (and a form its own field messages, where it has
 * them); the English sentence never reaches their screen.
 */
function inRepsLanguage(code: ErrorCode | null, english: string): string {
  if (i18next.language === 'en') return english;
  return i18next.t(code ? `errors.${code}` : 'unexpected');
}

/** What to tell the rep when an operation was refused or failed. */
export function errorMessage(error: unknown, fallback: string): string {
  if (isOperationErrorData(error)) return inRepsLanguage(error.code, error.message);
  if (error instanceof Error && error.message) return inRepsLanguage(null, error.message);
  return fallback;
}

/** A refused or failed operation as the forms show it: the code, one line, and field issues. */
export interface Problem {
  code: ErrorCode | null;
  message: string;
  /** The first message for each input path, e.g. { email: '…', 'terms.discountPercent': '…' }. */
  fields: Readonly<Record<string, string>>;
}

export function problemOf(error: unknown, fallback: string): Problem {
  const fields: Record<string, string> = {};
  if (isOperationErrorData(error)) {
    for (const issue of error.issues ?? []) {
      fields[issue.path] ??= inRepsLanguage('invalid_input', issue.message);
    }
    return { code: error.code, message: inRepsLanguage(error.code, error.message), fields };
  }
  return { code: null, message: errorMessage(error, fallback), fields };
}

/**
 * A refusal's field issues that carry a rule's code, in the form's words: the first for
 * each path, e.g. { name: 'Give the catalog a name.' }. Empty when none carries a code.
 */
export function codedIssueWords(
  error: unknown,
  words: (code: string, params: object) => string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!isOperationErrorData(error)) return fields;
  for (const issue of error.issues ?? []) {
    if (issue.code) fields[issue.path] ??= words(issue.code, issue.params ?? {});
  }
  return fields;
}
