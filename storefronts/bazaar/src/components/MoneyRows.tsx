import type { Money } from '@souk/sdk';
import { formatMoney } from '@souk/storefront-kit';

type Row = { label: string; value: Money | null; pending?: string; strong?: boolean };

/** A definition list of amounts as the API computed them; a null amount shows why it is missing. */
export function MoneyRows({ rows, testId }: { rows: Row[]; testId?: string }) {
  return (
    <dl className="money-rows" data-testid={testId}>
      {rows.map((row) => (
        <div key={row.label} className={row.strong ? 'money-rows__total' : undefined}>
          <dt>{row.label}</dt>
          <dd>{row.value ? formatMoney(row.value) : (row.pending ?? '—')}</dd>
        </div>
      ))}
    </dl>
  );
}
