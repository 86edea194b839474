/** What a shopper reads for a maker's part of an order. */
const LABELS: Record<string, string> = {
  open: 'Being prepared',
  partially_fulfilled: 'Partly shipped',
  fulfilled: 'Shipped',
  cancelled: 'Cancelled',
};

/** A seller order's status in words (an unknown one with its underscores as spaces). */
export const orderStatusLabel = (status: string): string => LABELS[status] ?? status.replace(/_/g, ' ');

/** An order's date as a shopper reads it ("5 Dec 2026"). */
export const orderDate = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
