'use client';

import { type LiveConnection, useLiveRoom } from '@souk/storefront-kit/live';
import { useState } from 'react';
import { AddToCartForm, type PickerOption, type PickerVariant } from './AddToCartForm';

/**
 * The add-to-cart form with stock that follows the product's room: a stock change (a sale, a seller
 * restocking) shows without a reload.
 */
export function LiveAddToCart({
  connection,
  productId,
  options,
  variants,
  initialVariantId,
}: {
  connection: LiveConnection;
  productId: string;
  options: PickerOption[];
  variants: PickerVariant[];
  initialVariantId: string | undefined;
}) {
  const [stock, setStock] = useState<Record<string, number>>({});
  const live = useLiveRoom(connection, `product:${productId}`, (event) => {
    if (event.type === 'inventory.updated' || event.type === 'variant.updated') {
      const { variant_id, inventory_quantity } = event.data;
      setStock((s) => ({ ...s, [variant_id]: inventory_quantity }));
    }
  });
  const current = variants.map((v) => ({ ...v, available: stock[v.id] ?? v.available }));
  return (
    <div data-live={live ? 'on' : 'off'} data-testid="live-stock">
      <AddToCartForm options={options} variants={current} initialVariantId={initialVariantId} />
    </div>
  );
}
