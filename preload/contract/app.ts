import { z } from 'zod';
import { operation } from './operation.ts';

export const appOperations = {
  'app.reportError': operation<null>()({
    input: z.strictObject({
      /** Which part of the window failed: a view or a dialog, e.g. `view:selections`. */
      part: z.string().min(1).max(100),
      message: z.string().max(100_000),
      /** The error's stack and the components it was thrown in; the log keeps the top. */
      stack: z.string().max(100_000),
    }),
    summary: "Write an error that stopped part of the showroom's window to the main side's log",
  }),
};
