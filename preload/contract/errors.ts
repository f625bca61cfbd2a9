/** How a refused or failed operation reaches the renderer: plain data, any transport. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'forbidden',
  'conflict',
  /** Wrong email or password, or a device credential the hub no longer accepts. */
  'unauthorized',
  /** Too many attempts; the message says when to try again. */
  'rate_limited',
  /** The hub speaks a newer sync protocol than this app. */
  'update_required',
  /** The hub cannot be reached; the message says what needs it. */
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Where in the input, e.g. "limit" or "files.0.content". */
  path: string;
  message: string;
  /**
   * What is wrong, for the page to say in its language (e.g. `too_long` with
   * `{ max: 200 }`); absent where only the message exists.
   */
  code?: string;
  params?: Record<string, number | string>;
}

export interface OperationErrorData {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

/** Thrown by a handler to refuse with a message a person can read. */
export class OperationError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'OperationError';
    this.code = code;
    this.issues = issues;
  }

  toData(): OperationErrorData {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  static fromData(data: OperationErrorData): OperationError {
    return new OperationError(data.code, data.message, data.issues);
  }
}

export function isOperationErrorData(value: unknown): value is OperationErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
