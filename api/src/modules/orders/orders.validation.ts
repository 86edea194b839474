import { AppError, type FieldError } from '../../errors.js';
import type { components } from '../../generated/openapi.js';

/** What a fulfilment reads of a seller order's line. */
interface ShippableLine {
  id: string;
  quantity: number;
  fulfilled_quantity: number;
}

/**
 * The quantity to ship of each line (line id → quantity): the lines asked for, each at most what is
 * left to ship of it (the same line may be named twice), or every remaining unit when none are named.
 * Throws `validation_failed` naming each line that is not the order's or asks for too many.
 */
export function linesToShip(
  lines: readonly ShippableLine[],
  wanted: components['schemas']['FulfillmentCreate']['lines'],
): Map<string, number> {
  const shipped = new Map<string, number>();
  if (!wanted) {
    for (const l of lines)
      if (l.quantity > l.fulfilled_quantity) shipped.set(l.id, l.quantity - l.fulfilled_quantity);
    return shipped;
  }
  const errors: FieldError[] = [];
  for (const [i, want] of wanted.entries()) {
    const line = lines.find((l) => l.id === want.line_id);
    const remaining = line ? line.quantity - line.fulfilled_quantity - (shipped.get(line.id) ?? 0) : 0;
    if (!line)
      errors.push({
        in: 'body',
        field: `/lines/${i}/line_id`,
        message: 'is not a line of this seller order',
      });
    else if (want.quantity > remaining)
      errors.push({
        in: 'body',
        field: `/lines/${i}/quantity`,
        message: `must be at most ${remaining}`,
      });
    else shipped.set(line.id, (shipped.get(line.id) ?? 0) + want.quantity);
  }
  if (errors.length > 0)
    throw new AppError('validation_failed', 'Some lines cannot be shipped as asked.', { errors });
  return shipped;
}
