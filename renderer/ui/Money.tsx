import { formatDeduction, formatMoney, type Money as Amount } from '../../main/domain/money.ts';
import './Money.css';

/**
 * An amount as the reader's language writes it, kept on one line: "SEK 830.0" with "0" on
 * the next line reads as another price. Nothing (null) shows as a dash; a deduction
 * carries a minus sign.
 */
export function Money({
  value,
  language,
  deduction = false,
}: {
  value: Amount | null;
  language: string;
  deduction?: boolean;
}) {
  if (!value) return <span className="money">—</span>;
  return (
    <span className="money">
      {deduction ? formatDeduction(value, language) : formatMoney(value, language)}
    </span>
  );
}
