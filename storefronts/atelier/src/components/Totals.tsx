import { type AmountRow, formatMoney } from '@souk/storefront-kit';

/**
 * Label/amount rows of a summary (items, shipping, tax, total); `part` draws the smaller rows of one
 * maker's part of the order.
 */
export function Totals({ rows, testId, part }: { rows: AmountRow[]; testId?: string; part?: boolean }) {
  return (
    <dl className={part ? 'totals totals--part' : 'totals'} data-testid={testId}>
      {rows.map((row) => (
        <div key={row.label} className={row.strong ? 'totals__row totals__row--strong' : 'totals__row'}>
          <dt>{row.label}</dt>
          <dd>{row.value ? formatMoney(row.value) : (row.pending ?? '—')}</dd>
        </div>
      ))}
    </dl>
  );
}
