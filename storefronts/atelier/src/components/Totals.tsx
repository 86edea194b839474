import type { Money } from '@souk/sdk';
import { formatMoney } from '@souk/storefront-kit';

export interface TotalRow {
  label: string;
  value: Money | null;
  /** Shown when the value is null (not known yet). */
  pending?: string;
  strong?: boolean;
}

/** Label/amount rows of a summary (items, shipping, tax, total). */
export function Totals({ rows, testId }: { rows: TotalRow[]; testId?: string }) {
  return (
    <dl className="totals" data-testid={testId}>
      {rows.map((row) => (
        <div key={row.label} className={row.strong ? 'totals__row totals__row--strong' : 'totals__row'}>
          <dt>{row.label}</dt>
          <dd>{row.value ? formatMoney(row.value) : (row.pending ?? '—')}</dd>
        </div>
      ))}
    </dl>
  );
}
