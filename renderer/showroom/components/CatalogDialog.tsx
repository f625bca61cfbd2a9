import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  CATALOG_ADDRESS_FIELDS,
  catalogProblems,
  catalogStyleProblems,
  DEFAULT_CATALOG_ADDRESS_FIELD,
  DEFAULT_CATALOG_PAYMENT_METHODS,
  MAX_CATALOG_NAME,
  MAX_CATALOG_SEASON,
  type CatalogAddressField,
  type CatalogSettings,
} from '../../../main/domain/catalogs.ts';
import { CATALOG_STATUSES, type CatalogStatus } from '../../../main/domain/model.ts';
import type { PaymentMethod } from '../../../main/domain/order-states.ts';
import type {
  CatalogStyle,
  CatalogSummary,
  CatalogsOverview,
} from '../../../preload/contract/index.ts';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { codedIssueWords, errorMessage, trunkshow } from '../api.ts';
import { usePaymentMethods } from '../hooks/usePaymentMethods.ts';
import { instantOf, localInput, localZone } from '../local-time.ts';
import { Dialog, FormDialogActions } from './Dialog.tsx';
import { LocalDateTimeField } from './LocalDateTimeField.tsx';
import { StyleEntry } from './StyleEntry.tsx';

/** A catalog problem's code in the admin's words. */
export function catalogProblemWords(t: TFunction, code: string, params: object): string {
  return t(`catalogs.problems.${code}`, { defaultValue: t('unexpected'), ...params });
}

type Problems = Partial<Record<keyof CatalogSettings | 'styles' | 'entry', string>>;

/**
 * Makes or edits a catalog: its name, season, status and dates, its checkout settings
 * (address field, payment methods, rate groups) and its styles, added by style number or
 * name, or from a CSV with a style number column. Every problem is said at its field and
 * nothing is saved while one is wrong.
 */
export function CatalogDialog({
  catalog,
  rateGroups,
  onClose,
  onSaved,
}: {
  catalog: CatalogSummary | null;
  rateGroups: CatalogsOverview['rateGroups'];
  onClose: () => void;
  onSaved: (overview: CatalogsOverview, name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(catalog?.name ?? '');
  const [season, setSeason] = useState(catalog?.season ?? '');
  const [status, setStatus] = useState<CatalogStatus>(catalog?.status ?? 'Open');
  const [publication, setPublication] = useState(localInput(catalog?.publicationAt ?? null));
  const [deadline, setDeadline] = useState(localInput(catalog?.orderDeadlineAt ?? null));
  const [addressField, setAddressField] = useState<CatalogAddressField>(
    catalog?.addressField ?? DEFAULT_CATALOG_ADDRESS_FIELD,
  );
  const [payments, setPayments] = useState<readonly PaymentMethod[]>(
    catalog?.paymentMethods ?? DEFAULT_CATALOG_PAYMENT_METHODS,
  );
  const paymentMethods = usePaymentMethods(catalog?.paymentMethods ?? []);
  const [groupIds, setGroupIds] = useState<readonly string[]>(catalog?.shippingRateGroupIds ?? []);
  const [styles, setStyles] = useState<CatalogStyle[] | null>(catalog ? null : []);
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [csvReport, setCsvReport] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const zoneId = useId();

  useEffect(() => {
    if (!catalog) return;
    let current = true;
    trunkshow()
      .invoke('catalogs.styles', { id: catalog.id })
      .then(
        (found) => current && setStyles(found),
        (failure: unknown) => current && setNotice(errorMessage(failure, t('unexpected'))),
      );
    return () => {
      current = false;
    };
  }, [catalog, t]);

  const settings = (): CatalogSettings => ({
    name,
    season,
    status,
    publicationAt: instantOf(publication),
    orderDeadlineAt: instantOf(deadline),
    addressField,
    paymentMethods: payments,
    shippingRateGroupIds: groupIds,
  });

  const addStyles = (added: readonly CatalogStyle[]) => {
    setStyles((current) => {
      const list = current ?? [];
      const have = new Set(list.map((style) => style.id));
      return [...list, ...added.filter((style) => !have.has(style.id))];
    });
  };

  const save = async () => {
    const input = settings();
    const found: Problems = {};
    for (const problem of [...catalogProblems(input), ...catalogStyleProblems(ids(styles))]) {
      found[problem.field] ??= catalogProblemWords(t, problem.code, problem.params);
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setNotice(null);
      return;
    }
    setBusy(true);
    try {
      const saved = await trunkshow().invoke('catalogs.save', {
        ...(catalog ? { id: catalog.id } : {}),
        ...input,
        paymentMethods: [...payments],
        shippingRateGroupIds: [...groupIds],
      });
      const overview =
        styles === null
          ? saved.overview
          : await trunkshow().invoke('catalogs.setStyles', {
              id: saved.id,
              productIds: ids(styles),
            });
      onSaved(overview, name.trim());
    } catch (failure) {
      const fromMain: Problems = codedIssueWords(failure, (code, params) =>
        catalogProblemWords(t, code, params),
      );
      setProblems(fromMain);
      setNotice(Object.keys(fromMain).length > 0 ? null : errorMessage(failure, t('unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const importCsv = async () => {
    setCsvReport([]);
    try {
      const [file] = await trunkshow().chooseCsvFiles();
      if (!file) return;
      const read = await trunkshow().invoke('catalogs.stylesFromCsv', { content: file.content });
      addStyles(read.styles);
      setCsvReport([
        t('catalogs.csvAdded', { count: read.styles.length, file: file.name }),
        ...read.unknown.map((entry) => t('catalogs.csvUnknown', entry)),
      ]);
      setProblems((current) => ({ ...current, styles: undefined }));
    } catch (failure) {
      const issue = (failure as { issues?: { code?: string }[] }).issues?.[0];
      setProblems((current) => ({
        ...current,
        styles: issue?.code
          ? catalogProblemWords(t, issue.code, {})
          : errorMessage(failure, t('unexpected')),
      }));
    }
  };

  const toggle = <Value,>(list: readonly Value[], value: Value, on: boolean): Value[] =>
    on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value);

  const dateField = (
    field: 'publicationAt' | 'orderDeadlineAt',
    value: string,
    change: (value: string) => void,
  ) => (
    <LocalDateTimeField
      label={t(`catalogs.${field}`)}
      hint={t('catalogs.dateHint')}
      error={problems[field]}
      zoneId={zoneId}
      value={value}
      onChange={change}
    />
  );

  return (
    <Dialog
      open
      size="large"
      title={catalog ? t('catalogs.editTitle', { name: catalog.name }) : t('catalogs.addTitle')}
      lead={t('catalogs.dialogLead')}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      actions={
        <FormDialogActions submitLabel={t('catalogs.save')} busy={busy} onCancel={onClose} />
      }
    >
      <div className="catalog-form__row">
        <Field label={t('catalogs.name')} error={problems.name}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              value={name}
              maxLength={MAX_CATALOG_NAME * 2}
              data-autofocus
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogs.season')} error={problems.season}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              value={season}
              maxLength={MAX_CATALOG_SEASON * 2}
              onChange={(event) => setSeason(event.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogs.status')} error={problems.status}>
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={status}
              onChange={(event) => setStatus(event.target.value as CatalogStatus)}
            >
              {CATALOG_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`filters.status.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="catalog-form__row">
        {dateField('publicationAt', publication, setPublication)}
        {dateField('orderDeadlineAt', deadline, setDeadline)}
      </div>
      <p id={zoneId} className="catalog-form__zone">
        {t('catalogs.zone', { zone: localZone() })}
      </p>
      <ChoiceGroup
        legend={t('catalogs.addressField')}
        name="catalog-address-field"
        value={addressField}
        options={CATALOG_ADDRESS_FIELDS.map((value) => ({
          value,
          label: t(value === 'show' ? 'catalogs.addressShow' : 'catalogs.addressHide'),
        }))}
        onChange={setAddressField}
        error={problems.addressField}
      />
      <fieldset className="catalog-form__checks">
        <legend className="field__label">{t('catalogs.paymentMethods')}</legend>
        {paymentMethods.map((method) => (
          <label key={method} className="catalog-form__check">
            <input
              type="checkbox"
              checked={payments.includes(method)}
              onChange={(event) => setPayments(toggle(payments, method, event.target.checked))}
            />
            {t(`placeOrder.paymentMethod.${method}`)}
          </label>
        ))}
        {problems.paymentMethods ? (
          <p className="field__error" role="alert">
            {problems.paymentMethods}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="catalog-form__checks">
        <legend className="field__label">{t('catalogs.rateGroups')}</legend>
        <p className="field__hint">{t('catalogs.rateGroupsHint')}</p>
        {rateGroups.length === 0 ? (
          <p className="field__hint">{t('catalogs.noRateGroups')}</p>
        ) : (
          rateGroups.map((group) => (
            <label key={group.id} className="catalog-form__check">
              <input
                type="checkbox"
                checked={groupIds.includes(group.id)}
                onChange={(event) => setGroupIds(toggle(groupIds, group.id, event.target.checked))}
              />
              {group.name}
            </label>
          ))
        )}
        {problems.shippingRateGroupIds ? (
          <p className="field__error" role="alert">
            {problems.shippingRateGroupIds}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="catalog-form__styles">
        <legend className="field__label">
          {styles === null
            ? t('catalogs.styles')
            : t('catalogs.stylesIn', { count: styles.length })}
        </legend>
        <div className="catalog-form__style-tools">
          <StyleEntry
            label={t('catalogs.styleEntry')}
            words={(code, params) => catalogProblemWords(t, code, params)}
            have={styles ?? []}
            onAdd={(style) =>
              addStyles([{ id: style.id, styleNumber: style.styleNumber, name: style.name }])
            }
            problem={problems.entry}
            setProblem={(entry) => setProblems((current) => ({ ...current, entry }))}
          />
          <button type="button" className="button" onClick={() => void importCsv()}>
            {t('catalogs.importCsv')}
          </button>
        </div>
        {csvReport.length > 0 ? (
          <ul className="catalog-form__report" role="status">
            {csvReport.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {problems.styles ? (
          <p className="field__error" role="alert">
            {problems.styles}
          </p>
        ) : null}
        {styles === null ? (
          <span className="spinner" aria-hidden="true" />
        ) : styles.length === 0 ? (
          <p className="field__hint">{t('catalogs.stylesEmpty')}</p>
        ) : (
          <ol className="catalog-form__style-list" aria-label={t('catalogs.styles')}>
            {styles.map((style) => (
              <li key={style.id}>
                <span className="catalog-form__style-number">{style.styleNumber}</span>
                <span className="catalog-form__style-name">{style.name}</span>
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('catalogs.removeStyle', { style: style.styleNumber })}
                  onClick={() =>
                    setStyles((current) => (current ?? []).filter((s) => s.id !== style.id))
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ol>
        )}
      </fieldset>
      {notice ? (
        <p className="notice notice--error" role="alert">
          {notice}
        </p>
      ) : null}
    </Dialog>
  );
}

function ids(styles: readonly CatalogStyle[] | null): string[] {
  return (styles ?? []).map((style) => style.id);
}
