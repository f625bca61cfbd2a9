import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATES, WHOLESALE_ORDER_SOURCES } from '../../../main/domain/order-states.ts';
import { Money } from '../../ui/Money.tsx';
import { errorMessage, trunkshow } from '../api.ts';
import { formatDate } from '../format.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { saveFile } from '../save-file.ts';
import { contractFilters, useOrdersStore } from '../state/orders.ts';
import { useSyncStore } from '../state/sync.ts';
import { CompleteCheckoutDialog } from './CompleteCheckoutDialog.tsx';
import { OrderDetailView } from './OrderDetail.tsx';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';
import { StatePanel } from './StatePanel.tsx';
import './OrdersView.css';

/** How long typing pauses before the search runs. */
const SEARCH_PAUSE_MS = 250;

/**
 * The OMS view: every order the person may see (a rep their own buyers', an admin all,
 * as sync sends them), filtered and searched, newest first a page at a time; an order
 * opens in its detail.
 */
export function OrdersView() {
  const { t } = useTranslation();
  const openId = useOrdersStore((state) => state.openId);
  const load = useOrdersStore((state) => state.load);
  const refresh = useOrdersStore((state) => state.refresh);
  const dataVersion = useSyncStore((state) => state.status?.dataVersion);
  const completingId = useOrdersStore((state) => state.completingId);
  const completeCheckout = useOrdersStore((state) => state.completeCheckout);
  const first = useRef(true);

  useEffect(() => load(), [load]);
  useEffect(() => {
    // The first answer is load's; later versions bring changes to show.
    if (first.current) {
      first.current = false;
      return;
    }
    refresh();
  }, [dataVersion, refresh]);

  return (
    <section className="orders" aria-labelledby="orders-title">
      {openId ? (
        <OrderDetailView orderId={openId} />
      ) : (
        <>
          <div className="orders__head">
            <h2 id="orders-title">{t('orders.title')}</h2>
            <ExportButton />
          </div>
          <OrderFiltersBar />
          <OrderList />
        </>
      )}
      <CompleteCheckoutDialog
        orderId={completingId}
        onClose={() => completeCheckout(null)}
        onCompleted={() => {
          completeCheckout(null);
          refresh();
        }}
      />
    </section>
  );
}

function ExportButton() {
  const { t } = useTranslation();
  const filters = useOrdersStore((state) => state.filters);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const exportCsv = async () => {
    setBusy(true);
    setProblem(null);
    try {
      saveFile(await trunkshow().invoke('orders.exportCsv', { filters: contractFilters(filters) }));
    } catch (error) {
      setProblem(errorMessage(error, t('unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="orders__export">
      <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy}>
        {busy ? t('orders.exporting') : t('orders.exportCsv')}
      </button>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function OrderFiltersBar() {
  const { t } = useTranslation();
  const filters = useOrdersStore((state) => state.filters);
  const setFilters = useOrdersStore((state) => state.setFilters);
  const clearFilters = useOrdersStore((state) => state.clearFilters);
  const { data: choices } = useOperation('orders.filterChoices', {});
  const [typed, setTyped] = useState(filters.search ?? '');

  useEffect(() => {
    if (typed === (filters.search ?? '')) return;
    const timer = window.setTimeout(() => setFilters({ search: typed }), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed, filters.search, setFilters]);

  const filtered = Object.values(contractFilters(filters)).length > 0;
  return (
    <form
      className="orders__filters"
      role="search"
      aria-label={t('orders.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        setFilters({ search: typed });
      }}
    >
      <label className="orders__filter orders__filter--search">
        <span>{t('orders.search')}</span>
        <input
          className="field__control"
          type="search"
          value={typed}
          placeholder={t('orders.searchHint')}
          maxLength={100}
          onChange={(event) => setTyped(event.target.value)}
        />
      </label>
      <label className="orders__filter">
        <span>{t('orders.status')}</span>
        <select
          className="field__control"
          value={filters.status ?? ''}
          onChange={(event) =>
            setFilters({
              status: ORDER_STATES.find((state) => state === event.target.value),
            })
          }
        >
          <option value="">{t('orders.allStatuses')}</option>
          {ORDER_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`orders.statuses.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="orders__filter">
        <span>{t('orders.source')}</span>
        <select
          className="field__control"
          value={filters.source ?? ''}
          onChange={(event) =>
            setFilters({
              source: WHOLESALE_ORDER_SOURCES.find((source) => source === event.target.value),
            })
          }
        >
          <option value="">{t('orders.allSources')}</option>
          {WHOLESALE_ORDER_SOURCES.map((source) => (
            <option key={source} value={source}>
              {t(`orders.sources.${source}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="orders__filter">
        <span>{t('orders.rep')}</span>
        <select
          className="field__control"
          value={filters.repId ?? ''}
          onChange={(event) => setFilters({ repId: event.target.value || undefined })}
        >
          <option value="">{t('orders.allReps')}</option>
          {choices?.reps.map((rep) => (
            <option key={rep.id} value={rep.id}>
              {rep.name}
            </option>
          ))}
        </select>
      </label>
      <label className="orders__filter">
        <span>{t('orders.buyer')}</span>
        <select
          className="field__control"
          value={filters.buyerId ?? ''}
          onChange={(event) => setFilters({ buyerId: event.target.value || undefined })}
        >
          <option value="">{t('orders.allBuyers')}</option>
          {choices?.buyers.map((buyer) => (
            <option key={buyer.id} value={buyer.id}>
              {buyer.name}
            </option>
          ))}
        </select>
      </label>
      <label className="orders__filter">
        <span>{t('orders.placedFrom')}</span>
        <input
          className="field__control"
          type="date"
          value={filters.fromDay ?? ''}
          onChange={(event) => setFilters({ fromDay: event.target.value || undefined })}
        />
      </label>
      <label className="orders__filter">
        <span>{t('orders.placedTo')}</span>
        <input
          className="field__control"
          type="date"
          value={filters.toDay ?? ''}
          onChange={(event) => setFilters({ toDay: event.target.value || undefined })}
        />
      </label>
      {filtered ? (
        <button
          type="button"
          className="button button--quiet orders__clear"
          onClick={() => {
            setTyped('');
            clearFilters();
          }}
        >
          {t('orders.clearFilters')}
        </button>
      ) : null}
    </form>
  );
}

function OrderList() {
  const { t, i18n } = useTranslation();
  const orders = useOrdersStore((state) => state.orders);
  const next = useOrdersStore((state) => state.next);
  const loading = useOrdersStore((state) => state.loading);
  const error = useOrdersStore((state) => state.error);
  const filters = useOrdersStore((state) => state.filters);
  const filtered = Object.values(contractFilters(filters)).length > 0;
  const more = useOrdersStore((state) => state.more);
  const open = useOrdersStore((state) => state.open);
  const completeCheckout = useOrdersStore((state) => state.completeCheckout);

  if (error && !orders) {
    return (
      <p className="notice notice--error" role="alert">
        {error}
      </p>
    );
  }
  if (!orders) return <p>{t('loading')}</p>;
  if (orders.length === 0) {
    return filtered ? (
      <StatePanel icon="box" title={t('orders.noneMatch')} lead={t('orders.noneMatchLead')} />
    ) : (
      <StatePanel icon="box" title={t('orders.empty')} lead={t('orders.emptyLead')} />
    );
  }
  return (
    <>
      <table className="orders__table" aria-label={t('orders.title')} aria-busy={loading}>
        <thead>
          <tr>
            <th scope="col">{t('orders.number')}</th>
            <th scope="col">{t('orders.created')}</th>
            <th scope="col">{t('orders.buyer')}</th>
            <th scope="col">{t('orders.rep')}</th>
            <th scope="col">{t('orders.source')}</th>
            <th scope="col">{t('orders.status')}</th>
            <th scope="col" className="orders__amount">
              {t('orders.units')}
            </th>
            <th scope="col" className="orders__amount">
              {t('orders.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id}>
              <td>
                <button type="button" className="orders__open" onClick={() => open(order.id)}>
                  {order.number ?? t('orders.noNumber')}
                </button>
                {order.waitingToSync ? (
                  <span className="badge badge--waiting">{t('sync.waiting')}</span>
                ) : null}
              </td>
              <td>{formatDate(order.createdAt, i18n.language)}</td>
              <td>
                {order.buyer}
                {order.contact.name && order.contact.name !== order.buyer ? (
                  <span className="orders__sub">{order.contact.name}</span>
                ) : null}
                {order.poNumber ? (
                  <span className="orders__sub">{t('orders.poShort', { po: order.poNumber })}</span>
                ) : null}
                {order.note ? <span className="orders__sub">“{order.note}”</span> : null}
              </td>
              <td>{order.rep?.name ?? '—'}</td>
              <td>{t(`orders.sources.${order.source}`)}</td>
              <td>
                <OrderStatusBadge status={order.status} />
                {order.status === 'Checkout Requested' ? (
                  // Sync sends a rep only their own buyers' orders, so whoever sees one may complete it.
                  <button
                    type="button"
                    className="button button--primary orders__complete"
                    onClick={() => completeCheckout(order.id)}
                  >
                    {t('orders.complete')}
                  </button>
                ) : null}
              </td>
              <td className="orders__amount">
                {order.units}
                {order.unitsShort > 0 ? (
                  <span className="badge badge--pending orders__short">
                    {t('orders.short', { count: order.unitsShort })}
                  </span>
                ) : null}
              </td>
              <td className="orders__amount">
                <Money value={order.total} language={i18n.language} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {next ? (
        <button type="button" className="button orders__more" onClick={more} disabled={loading}>
          {loading ? t('loading') : t('orders.more')}
        </button>
      ) : null}
    </>
  );
}
