'use server';

import type { ReviewState } from '@souk/storefront-kit/server';
import { reviewAction } from '@/lib/store';

/** Sends a review of one shipped order line (see the storefront kit's `createReviewAction`). */
export async function submitReview(prev: ReviewState, formData: FormData): Promise<ReviewState> {
  return reviewAction(prev, formData);
}
