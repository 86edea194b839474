import type { SeedSellerProfile } from '../modules/content/content.seed.js';

/**
 * The demo sellers' own pages (`GET /store/sellers/{idOrHandle}/page`): a story in Markdown and their
 * policies, by handle. Sellers without one here keep the empty page every seller starts with.
 */
const PROFILES: Record<string, SeedSellerProfile['profile']> = {
  'atlas-outfitters': {
    story: [
      'Atlas Outfitters began in 1998 as a repair bench behind a mountain hut: boots resoled, packs restitched, jackets given another decade.',
      'We still make everything to be **mended rather than replaced**. Every boot takes a new sole, every seam is stitched to be opened again, and spare parts stay in stock for ten years after a piece leaves our range.',
    ].join('\n\n'),
    policies: {
      shipping: 'Packed in the workshop and sent within two working days.',
      returns: 'Unworn pieces come back within 30 days, at our cost.',
      warranty: 'Five years on seams and soles; repairs after that at cost.',
    },
    links: [],
  },
  'nordic-home': {
    story: [
      'Nordic Home is two furniture makers and a weaver sharing one workshop by the harbour.',
      'We work in oak, linen and wool, finish everything with oil and soap, and make each piece in small runs, so the grain, the weave and the colour differ a little from one to the next.',
    ].join('\n\n'),
    policies: {
      shipping: 'Small pieces within three working days; furniture within two weeks, to your door.',
      returns: 'Within 30 days, unused and in its wrapping.',
    },
    links: [],
  },
  'pixel-forge': {
    story: [
      'Pixel Forge makes cases, stands and cables for the devices you carry every day.',
      'Each design is drawn, printed and tested on our own bench before a batch is made, and every part is chosen to be *recycled at the end of its life*.',
    ].join('\n\n'),
    policies: {
      shipping: 'Sent the next working day.',
      returns: 'Within 30 days, for any reason.',
      warranty: 'Two years on everything we make.',
    },
    links: [],
  },
};

/** The demo profiles for the sellers of a demo catalog, matched by handle. */
export function demoProfiles(sellers: readonly { id: string; handle: string }[]): SeedSellerProfile[] {
  return sellers.flatMap((s) => {
    const profile = PROFILES[s.handle];
    return profile ? [{ sellerId: s.id, profile }] : [];
  });
}
