import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OperationName, OutputOf } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
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
 * changes and, with `followSync`, whenever a sync brought changes. An answer to an
 * earlier question that arrives late is dropped.
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

  useEffect(() => {
    let current = true;
    trunkshow()
      .invoke(name, JSON.parse(key) as InputOf<Name>)
      .then(
        (answer) => {
          if (!current) return;
          setData(answer);
          setProblem(null);
        },
        (error: unknown) => {
          if (current) setProblem(errorMessage(error, t('unexpected')));
        },
      );
    return () => {
      current = false;
    };
  }, [name, key, t, dataVersion, asked]);

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
