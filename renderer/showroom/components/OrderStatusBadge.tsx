import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../preload/contract/index.ts';

/** An order's status in the person's words, coloured by how far along it is. */
export function OrderStatusBadge({ status }: { status: OrderSummary['status'] }) {
  const { t } = useTranslation();
  const tone =
    status === 'Checkout Requested'
      ? 'orders__status--requested'
      : status === 'Cancelled'
        ? 'orders__status--cancelled'
        : status === 'Confirmed'
          ? 'orders__status--confirmed'
          : 'orders__status--placed';
  return <span className={`badge ${tone}`}>{t(`orders.statuses.${status}`)}</span>;
}
