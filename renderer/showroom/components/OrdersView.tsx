import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../preload/contract/index.ts';
import { Money } from '../../ui/Money.tsx';
import { trunkshow } from '../api.ts';
import { formatDate } from '../format.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { StatePanel } from './StatePanel.tsx';
import './OrdersView.css';

/** The OMS view: orders from share links, "Checkout Requested" ones to complete. */
export function OrdersView() {
  const { t, i18n } = useTranslation();
  const { data: page, problem, act } = useOperation('orders.list', {}, { followSync: true });
  const orders = page?.orders;

  const complete = (order: OrderSummary) =>
    act(() => trunkshow().invoke('orders.completeCheckout', { orderId: order.id }));

  return (
    <section className="orders" aria-labelledby="orders-title">
      <h2 id="orders-title">{t('orders.title')}</h2>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {!orders ? (
        <p>{t('loading')}</p>
      ) : orders.length === 0 ? (
        <StatePanel icon="box" title={t('orders.empty')} lead={t('orders.emptyLead')} />
      ) : (
        <table className="orders__table">
          <thead>
            <tr>
              <th scope="col">{t('orders.created')}</th>
              <th scope="col">{t('orders.source')}</th>
              <th scope="col">{t('orders.buyer')}</th>
              <th scope="col">{t('orders.contact')}</th>
              <th scope="col">{t('orders.status')}</th>
              <th scope="col" className="orders__number">
                {t('orders.units')}
              </th>
              <th scope="col" className="orders__number">
                {t('orders.total')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('orders.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td>
                  {formatDate(order.createdAt, i18n.language)}
                  {order.number ? <span className="orders__sub">{order.number}</span> : null}
                </td>
                <td>
                  {order.source === 'booth' ? t('orders.fromBooth') : t('orders.fromShareLink')}
                  {order.selection ? <span className="orders__sub">{order.selection}</span> : null}
                </td>
                <td>{order.buyer}</td>
                <td>
                  {order.contact.name}
                  <span className="orders__sub">{order.contact.email}</span>
                  {order.note ? <span className="orders__sub">“{order.note}”</span> : null}
                </td>
                <td>
                  <span
                    className={`badge ${order.status === 'Order' ? 'orders__done' : 'orders__requested'}`}
                  >
                    {order.status}
                  </span>
                  {order.waitingToSync ? (
                    <span className="badge badge--waiting">{t('selections.waiting')}</span>
                  ) : null}
                </td>
                <td className="orders__number">
                  {order.units}
                  {order.unitsShort > 0 ? (
                    <span className="badge badge--pending">
                      {t('orders.short', { count: order.unitsShort })}
                    </span>
                  ) : null}
                </td>
                <td className="orders__number">
                  <Money value={order.total} language={i18n.language} />
                </td>
                <td>
                  {order.status === 'Checkout Requested' ? (
                    <button
                      type="button"
                      className="button button--primary"
                      onClick={() => void complete(order)}
                    >
                      {t('orders.complete')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
