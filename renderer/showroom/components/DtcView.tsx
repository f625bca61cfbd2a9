import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DtcCustomerRow, DtcOrderRow } from '../../../preload/contract/index.ts';
import { Money } from '../../ui/Money.tsx';
import { formatDate } from '../format.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { useDtcStore, type DtcTab } from '../state/dtc.ts';
import { DialogBoundary } from './Boundaries.tsx';
import { DtcCustomerCard, DtcCustomerDialog } from './DtcCustomer.tsx';
import { DtcNewSelectionDialog } from './DtcNewSelection.tsx';
import { DtcSelectionScreen } from './DtcSelectionEditor.tsx';
import { OrderDetailView } from './OrderDetail.tsx';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';
import { StatePanel } from './StatePanel.tsx';
import './SectionTabs.css';
import './DtcView.css';

const TABS: readonly DtcTab[] = ['orders', 'customers'];
const TYPING_PAUSE_MS = 150;
const ROW_HEIGHT = 52;

/**
 * "Direct to consumer" (the spec's DIRECT TO CONSUMER menu): its Orders and Customers
 * tabs, a customer's card, and a selection with its checkout. "Create selection" sits
 * at the top right of the Orders tab and on a customer card.
 */
export function DtcView() {
  const { t } = useTranslation();
  const tab = useDtcStore((state) => state.tab);
  const screen = useDtcStore((state) => state.screen);
  const setTab = useDtcStore((state) => state.setTab);
  const customerForm = useDtcStore((state) => state.customerForm);
  const closeCustomerForm = useDtcStore((state) => state.closeCustomerForm);
  const newSelection = useDtcStore((state) => state.newSelection);
  const closeNewSelection = useDtcStore((state) => state.closeNewSelection);
  const show = useDtcStore((state) => state.show);

  return (
    <section className="dtc" aria-labelledby="dtc-title">
      <div className="view-head">
        <div className="view-head__title">
          <h2 id="dtc-title">{t('dtc.title')}</h2>
        </div>
      </div>
      <div className="section-tabs" role="tablist" aria-label={t('dtc.tabs')}>
        {TABS.map((item) => (
          <button
            key={item}
            type="button"
            role="tab"
            id={`dtc-tab-${item}`}
            className="section-tab"
            aria-selected={tab === item}
            aria-controls="dtc-panel"
            onClick={() => setTab(item)}
          >
            {t(`dtc.tab.${item}`)}
          </button>
        ))}
      </div>
      <div
        className="section-panel"
        role="tabpanel"
        id="dtc-panel"
        aria-labelledby={`dtc-tab-${tab}`}
      >
        {screen.kind === 'customer' ? (
          <DtcCustomerCard key={screen.id} id={screen.id} />
        ) : screen.kind === 'selection' ? (
          <DtcSelectionScreen key={screen.id} id={screen.id} checkout={screen.checkout} />
        ) : screen.kind === 'order' ? (
          <div className="dtc-order" key={screen.id}>
            <OrderDetailView orderId={screen.id} onBack={() => show({ kind: 'list' })} />
          </div>
        ) : tab === 'orders' ? (
          <DtcOrders />
        ) : (
          <DtcCustomers />
        )}
      </div>
      {customerForm ? (
        <DialogBoundary dialog="dtcCustomer" close={closeCustomerForm}>
          <DtcCustomerDialog id={customerForm.id} onClose={closeCustomerForm} />
        </DialogBoundary>
      ) : null}
      {newSelection ? (
        <DialogBoundary dialog="dtcNewSelection" close={closeNewSelection}>
          <DtcNewSelectionDialog customer={newSelection.customer} onClose={closeNewSelection} />
        </DialogBoundary>
      ) : null}
    </section>
  );
}

function DtcOrders() {
  const { t, i18n } = useTranslation();
  const orders = useOperation('dtc.orders.list', {}, { followSync: true });
  const openNewSelection = useDtcStore((state) => state.openNewSelection);
  const show = useDtcStore((state) => state.show);
  return (
    <>
      <div className="dtc__bar">
        <p className="view-head__count" aria-live="polite">
          {orders.data ? t('dtc.orders.count', { count: orders.data.length }) : '\u00a0'}
        </p>
        <button
          type="button"
          className="button button--primary"
          onClick={() => openNewSelection(null)}
        >
          {t('dtc.createSelection')}
        </button>
      </div>
      {orders.problem !== null && !orders.data ? (
        <StatePanel tone="error" icon="error" title={t('dtc.failed')} lead={orders.problem} />
      ) : !orders.data ? (
        <p className="dtc__loading">{t('loading')}</p>
      ) : orders.data.length === 0 ? (
        <StatePanel icon="box" title={t('dtc.orders.none')} lead={t('dtc.orders.noneLead')} />
      ) : (
        <div className="dtc__scroller">
          <table className="data-table dtc-table" aria-label={t('dtc.orders.list')}>
            <thead>
              <tr>
                <th scope="col">{t('dtc.orders.number')}</th>
                <th scope="col">{t('dtc.orders.customer')}</th>
                <th scope="col">{t('dtc.orders.boughtBy')}</th>
                <th scope="col">{t('dtc.orders.selection')}</th>
                <th scope="col">{t('dtc.orders.state')}</th>
                <th scope="col" className="data-table__number">
                  {t('dtc.orders.total')}
                </th>
                <th scope="col">{t('dtc.orders.placed')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.data.map((order: DtcOrderRow) => (
                <tr key={order.id}>
                  <th scope="row" className="data-table__name">
                    <button
                      type="button"
                      className="dtc__link"
                      onClick={() => show({ kind: 'order', id: order.id })}
                    >
                      {order.number ?? t('dtc.orders.notNumbered')}
                    </button>
                  </th>
                  <td>
                    <button
                      type="button"
                      className="dtc__link"
                      onClick={() => show({ kind: 'customer', id: order.customerId })}
                    >
                      {order.customerName}
                    </button>
                  </td>
                  <td>{order.boughtBy}</td>
                  <td>{order.selectionName}</td>
                  <td>
                    <OrderStatusBadge status={order.status} />
                    {order.payment !== 'none' ? (
                      <span className={`badge dtc__payment dtc__payment--${order.payment}`}>
                        {t(`orders.paymentBadge.${order.payment}`)}
                      </span>
                    ) : null}
                  </td>
                  <td className="data-table__number">
                    <Money value={order.total} language={i18n.language} />
                  </td>
                  <td>{formatDate(order.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** The customers, searched by name or email as one types; only the rows on screen are drawn. */
function DtcCustomers() {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const list = useOperation('dtc.customers.list', { query }, { followSync: true });
  const openCustomerForm = useDtcStore((state) => state.openCustomerForm);

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(draft.trim()), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);

  const data = list.data;
  return (
    <>
      <div className="dtc__bar">
        <div className="search dtc__search" role="search">
          <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <circle cx="8.5" cy="8.5" r="5.75" />
            <path d="m13 13 4.25 4.25" />
          </svg>
          <input
            className="search__input"
            type="search"
            aria-label={t('dtc.customers.search')}
            placeholder={t('dtc.customers.searchHint')}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            autoFocus
          />
        </div>
        <p className="view-head__count" aria-live="polite">
          {data
            ? query === ''
              ? t('dtc.customers.count', { count: data.total })
              : t('dtc.customers.matches', { count: data.total })
            : '\u00a0'}
        </p>
        <button type="button" className="button" onClick={() => openCustomerForm(null)}>
          {t('dtc.customers.new')}
        </button>
      </div>
      {list.problem !== null && !data ? (
        <StatePanel tone="error" icon="error" title={t('dtc.failed')} lead={list.problem} />
      ) : !data ? (
        <p className="dtc__loading">{t('loading')}</p>
      ) : data.total === 0 && query === '' ? (
        <StatePanel icon="box" title={t('dtc.customers.none')} lead={t('dtc.customers.noneLead')} />
      ) : data.total === 0 ? (
        <StatePanel icon="search" title={t('dtc.customers.noMatches', { query })} />
      ) : (
        <>
          <CustomerList customers={data.customers} />
          {data.total > data.customers.length ? (
            <p className="dtc__more">{t('dtc.customers.more', { shown: data.customers.length })}</p>
          ) : null}
        </>
      )}
    </>
  );
}

function CustomerList({ customers }: { customers: DtcCustomerRow[] }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is a mutable object read afresh on every render, as TanStack intends.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: customers.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="dtc__scroller">
      <div className="dtc-customer dtc-customer--head" aria-hidden="true">
        <span>{t('dtc.customers.name')}</span>
        <span>{t('dtc.customers.email')}</span>
        <span>{t('dtc.customers.country')}</span>
        <span>{t('dtc.customers.market')}</span>
        <span className="dtc-customer__number">{t('dtc.customers.selections')}</span>
        <span />
      </div>
      <div
        className="dtc-customers"
        role="list"
        aria-label={t('dtc.customers.list')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const customer = customers[row.index]!;
          return (
            <div
              key={customer.id}
              role="listitem"
              aria-setsize={customers.length}
              aria-posinset={row.index + 1}
              className="dtc-customers__item"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <CustomerRow customer={customer} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function CustomerRow({ customer }: { customer: DtcCustomerRow }) {
  const { t } = useTranslation();
  const show = useDtcStore((state) => state.show);
  const name = `${customer.firstName} ${customer.lastName}`;
  return (
    <button
      type="button"
      className="dtc-customer"
      aria-label={name}
      onClick={() => show({ kind: 'customer', id: customer.id })}
    >
      <span className="dtc-customer__name">
        {name}
        {customer.waitingToSync ? (
          <span className="badge badge--waiting">{t('dtc.waiting')}</span>
        ) : null}
      </span>
      <span className="dtc-customer__email">{customer.email}</span>
      <span>{customer.countryCode}</span>
      <span>{customer.marketName}</span>
      <span className="dtc-customer__number">{customer.selections}</span>
      <span className="dtc-customer__view">{t('dtc.customers.view')}</span>
    </button>
  );
}
