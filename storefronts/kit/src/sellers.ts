import type { Schemas } from '@souk/sdk';

type Policies = Schemas['SellerProfile']['policies'];

const POLICY_LABELS = [
  ['shipping', 'Shipping'],
  ['returns', 'Returns'],
  ['warranty', 'Warranty'],
] as const;

/**
 * The policies a seller wrote on their page, labelled, in a fixed order (shipping, returns, warranty);
 * the ones they left empty are left out.
 */
export function sellerPolicies(
  policies: { [K in keyof Policies]?: string | null },
): { key: keyof Policies; label: string; text: string }[] {
  return POLICY_LABELS.flatMap(([key, label]) => {
    const text = policies[key];
    return text ? [{ key, label, text }] : [];
  });
}

/** "1 review", "12 reviews". */
export function reviewCount(count: number): string {
  return `${count} ${count === 1 ? 'review' : 'reviews'}`;
}
