/** What a shopper reads for a seller order's status. */
const LABELS: Record<string, string> = {
  open: 'Preparing',
  partially_fulfilled: 'Partly shipped',
  fulfilled: 'Shipped',
  cancelled: 'Cancelled',
};

/** A seller order's status in words (an unknown one with its underscores as spaces). */
export const orderStatusLabel = (status: string): string => LABELS[status] ?? status.replace(/_/g, ' ');
