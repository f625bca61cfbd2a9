import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OperationName, OutputOf } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { readsInOrder } from '../state/reads-in-order.ts';
import { useSyncStore } from '../state/sync.ts';

export interface OperationState<Name extends OperationName> {
  /** The last answer; null until the first one. */
  data: OutputOf<Name> | null;
  /** Why the last question or action failed, in words for the rep. */
  problem: string | null;
  setData: (data: OutputOf<Name>) => void;
  /** Runs an action (revoke, complete…), then asks again; a failure becomes `problem`. */
  act: (action: () => Promise<unknown>) => Promise<void>;
}

/**
 * What a view shows from one read operation: asked when the view opens, when its input
 * changes and, with `followSync`, whenever a sync brought changes. An answer is shown
 * unless a newer one already is (reads-in-order.ts), so a sync's re-read asked while the
 * first read is on its way does not keep the view empty; an answer to an earlier input
 * is dropped.
 */
export function useOperation<Name extends OperationName>(
  name: Name,
  input: InputOf<Name>,
  options: { followSync?: boolean } = {},
): OperationState<Name> {
  const { t } = useTranslation();
  const [data, setData] = useState<OutputOf<Name> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const dataVersion = useSyncStore((state) =>
    options.followSync ? state.status?.dataVersion : undefined,
  );
  // The input is compared by value: views pass object literals.
  const key = JSON.stringify(input);

  const [reads] = useState(readsInOrder);
  const subject = `${name} ${key}`;
  const readFor = useRef(subject);

  useEffect(() => {
    if (readFor.current !== subject) {
      reads.restart();
      readFor.current = subject;
    }
    const ticket = reads.ask();
    trunkshow()
      .invoke(name, JSON.parse(key) as InputOf<Name>)
      .then(
        (answer) => {
          if (!reads.show(ticket)) return;
          setData(answer);
          setProblem(null);
        },
        (error: unknown) => {
          if (reads.isNewest(ticket)) {
            setProblem(errorMessage(error, t('unexpected')));
          }
        },
      );
  }, [name, key, subject, t, dataVersion, asked, reads]);

  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        setAsked((count) => count + 1);
      } catch (error) {
        setProblem(errorMessage(error, t('unexpected')));
      }
    },
    [t],
  );

  return { data, problem, setData, act };
}
