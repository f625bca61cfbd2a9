import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StyleCard } from '../../../preload/contract/index.ts';
import { Field } from '../../ui/Field.tsx';
import { errorMessage, trunkshow } from '../api.ts';

const SUGGESTIONS = 6;
const TYPING_PAUSE_MS = 80;

/**
 * A style number or part of a name, with the matching styles as the selection editor's
 * quick entry finds them (catalog.search); Enter adds the exact style number, else the
 * first match. `words` says its two problems (`style_unknown`, `style_already_in`) in
 * the words of the list it adds to.
 */
export function StyleEntry({
  label,
  words,
  have,
  onAdd,
  problem,
  setProblem,
}: {
  label: string;
  words: (code: 'style_unknown' | 'style_already_in', params: { styleNumber: string }) => string;
  have: readonly { id: string }[];
  onAdd: (style: StyleCard) => void;
  problem: string | undefined;
  setProblem: (problem: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ query: string; items: StyleCard[] } | null>(null);
  const query = text.trim();

  useEffect(() => {
    if (query === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      trunkshow()
        .invoke('catalog.search', { query, limit: SUGGESTIONS })
        .then(
          (page) => current && setFound({ query, items: page.items }),
          (failure: unknown) => current && setProblem(errorMessage(failure, t('unexpected'))),
        );
    }, TYPING_PAUSE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [query, setProblem, t]);

  const matches = found && found.query === query ? found.items : [];

  const add = (style: StyleCard) => {
    if (have.some((entry) => entry.id === style.id)) {
      setProblem(words('style_already_in', { styleNumber: style.styleNumber }));
      return;
    }
    onAdd(style);
    setText('');
    setFound(null);
    setProblem(undefined);
  };

  const enter = async () => {
    if (query === '') return;
    const page =
      found && found.query === query
        ? found.items
        : (await trunkshow().invoke('catalog.search', { query, limit: SUGGESTIONS })).items;
    const exact = page.find((style) => style.styleNumber.toLowerCase() === query.toLowerCase());
    const style = exact ?? page[0];
    if (style) add(style);
    else setProblem(words('style_unknown', { styleNumber: query }));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    // Enter adds a style here; it does not save the catalog.
    event.preventDefault();
    void enter();
  };

  return (
    <div className="catalog-form__entry">
      <Field label={label} hint={t('catalogs.styleEntryHint')} error={problem}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            value={text}
            autoComplete="off"
            onChange={(event) => {
              setText(event.target.value);
              setProblem(undefined);
            }}
            onKeyDown={onKeyDown}
          />
        )}
      </Field>
      {query !== '' && matches.length > 0 ? (
        <ul className="catalog-form__matches">
          {matches.map((style) => (
            <li key={style.id}>
              <button type="button" className="button button--quiet" onClick={() => add(style)}>
                <span className="catalog-form__style-number">{style.styleNumber}</span> {style.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
