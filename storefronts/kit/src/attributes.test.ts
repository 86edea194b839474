import { describe, expect, it } from 'vitest';
import { describeAttributes } from './attributes';

describe('describeAttributes', () => {
  it('takes labels from the data when the attribute carries one', () => {
    expect(describeAttributes({ fabric: { label: 'Fabric composition', value: '100% linen' } })).toEqual([
      { key: 'fabric', label: 'Fabric composition', value: '100% linen' },
    ]);
  });

  it('derives readable labels and units from plain attributes', () => {
    expect(
      describeAttributes({
        material: 'oak',
        features: ['durable', 'water_resistant'],
        warranty_years: 1,
        width_cm: 40,
        gift_wrap: true,
        nested: { no: 'label' },
        empty: '',
      }),
    ).toEqual([
      { key: 'material', label: 'Material', value: 'Oak' },
      { key: 'features', label: 'Features', value: 'Durable, Water resistant' },
      { key: 'warranty_years', label: 'Warranty', value: '1 year' },
      { key: 'width_cm', label: 'Width', value: '40 cm' },
      { key: 'gift_wrap', label: 'Gift wrap', value: 'Yes' },
    ]);
  });
});
