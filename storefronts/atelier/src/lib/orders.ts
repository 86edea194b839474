/** What a shopper reads for a maker's part of an order. */
const LABELS: Record<string, string> = {
  open: 'Being prepared',
  partially_fulfilled: 'Partly shipped',
  fulfilled: 'Shipped',
  cancelled: 'Cancelled',
};

/** A seller order's status in words (an unknown one with its underscores as spaces). */
export const orderStatusLabel = (status: string): string => LABELS[status] ?? status.replace(/_/g, ' ');
