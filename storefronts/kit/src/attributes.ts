/** One product attribute as a theme shows it. */
export interface AttributeRow {
  key: string;
  label: string;
  value: string;
}

/** Unit suffixes of attribute keys (`warranty_years: 2` → "Warranty" / "2 years"). */
const units: Record<string, [one: string, many: string]> = {
  years: ['year', 'years'],
  months: ['month', 'months'],
  days: ['day', 'days'],
  cm: ['cm', 'cm'],
  mm: ['mm', 'mm'],
  kg: ['kg', 'kg'],
  g: ['g', 'g'],
  ml: ['ml', 'ml'],
};

function sentenceCase(text: string): string {
  const spaced = text.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function display(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() ? sentenceCase(value) : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value.toLocaleString('en-US');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    const parts = value.map(display).filter((v): v is string => v !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

/**
 * A product's attributes as label/value rows. Attributes are free-form in the catalog; the label and
 * value come from the data: an attribute stored as `{ "label": "Fabric", "value": "Linen" }` shows
 * exactly that, and a plain one gets a label from its key with the unit suffix moved onto the value
 * (`warranty_years: 3` → "Warranty" / "3 years"). Nested objects without a label are skipped.
 */
export function describeAttributes(attributes: Record<string, unknown>): AttributeRow[] {
  const rows: AttributeRow[] = [];
  for (const [key, raw] of Object.entries(attributes)) {
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const { label, value } = raw as { label?: unknown; value?: unknown };
      const shown = display(value);
      if (typeof label === 'string' && label.trim() && shown !== undefined) {
        rows.push({ key, label: label.trim(), value: shown });
      }
      continue;
    }
    const suffix = /_([a-z]+)$/.exec(key)?.[1];
    const unit = suffix ? units[suffix] : undefined;
    if (unit && typeof raw === 'number') {
      const label = sentenceCase(key.slice(0, -(suffix?.length ?? 0) - 1));
      rows.push({ key, label, value: `${raw.toLocaleString('en-US')} ${raw === 1 ? unit[0] : unit[1]}` });
      continue;
    }
    const shown = display(raw);
    if (shown !== undefined) rows.push({ key, label: sentenceCase(key), value: shown });
  }
  return rows;
}
