import { createHash } from 'node:crypto';
import { type DemoShape, demoShape } from './demo-shapes.js';

/** Size of every demo image (square, like most shop grids). */
export const DEMO_IMAGE_SIZE = 1200;

const COLOURS: [name: string, hex: string][] = [
  ['sand', '#c9ad86'],
  ['olive', '#6b7a3a'],
  ['navy', '#23395d'],
  ['rust', '#a94f2a'],
  ['charcoal', '#3b3e44'],
  ['sage', '#8fa67e'],
  ['terracotta', '#c0623d'],
  ['ochre', '#c8952b'],
  ['plum', '#6d3b5e'],
  ['teal', '#2a7676'],
  ['cream', '#e4d8bd'],
  ['crimson', '#9e2a3c'],
];

/** The colour of a product: picked from its handle, so the same product is always the same colour. */
export function demoColour(handle: string): { name: string; hex: string } {
  const n = createHash('sha256').update(handle).digest().readUInt32BE(0);
  const [name, hex] = COLOURS[n % COLOURS.length] as [string, string];
  return { name, hex };
}

/** A lighter or darker shade of `hex` (amount -1…1). */
function shade(hex: string, amount: number): string {
  const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const mixed = rgb.map((c) => Math.round(amount >= 0 ? c + (255 - c) * amount : c * (1 + amount)));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** A parcel, for a product whose noun has no silhouette of its own. */
const PARCEL: DemoShape = {
  body: 'M300 420 L900 420 L900 900 L300 900 Z',
  accent: 'M570 420 L630 420 L630 900 L570 900 Z',
};

/** A texture per material, as an SVG pattern over the product's colour. */
function materialPattern(material: string, hex: string, scale: number): string {
  const dark = shade(hex, -0.35);
  const light = shade(hex, 0.35);
  const s = (n: number) => n * scale;
  const pattern = (w: number, h: number, body: string) =>
    `<pattern id="m" width="${s(w)}" height="${s(h)}" patternUnits="userSpaceOnUse">${body}</pattern>`;
  switch (material) {
    case 'leather':
      return pattern(
        14,
        14,
        `<circle cx="${s(4)}" cy="${s(5)}" r="${s(1.6)}" fill="${dark}" opacity=".35"/><circle cx="${s(10)}" cy="${s(11)}" r="${s(1.2)}" fill="${light}" opacity=".25"/>`,
      );
    case 'linen':
      return pattern(
        8,
        8,
        `<path d="M0 ${s(4)}H${s(8)}M${s(4)} 0V${s(8)}" stroke="${light}" stroke-width="${s(1.4)}" opacity=".45"/>`,
      );
    case 'merino':
      return pattern(
        24,
        16,
        `<path d="M0 ${s(8)}Q${s(6)} 0 ${s(12)} ${s(8)}T${s(24)} ${s(8)}" fill="none" stroke="${light}" stroke-width="${s(2.2)}" opacity=".5"/>`,
      );
    case 'cotton':
      return pattern(
        10,
        10,
        `<circle cx="${s(5)}" cy="${s(5)}" r="${s(1.3)}" fill="${light}" opacity=".4"/>`,
      );
    case 'recycled':
      return pattern(
        30,
        30,
        `<circle cx="${s(6)}" cy="${s(8)}" r="${s(2)}" fill="${light}" opacity=".5"/><circle cx="${s(21)}" cy="${s(17)}" r="${s(1.5)}" fill="${dark}" opacity=".5"/><circle cx="${s(13)}" cy="${s(26)}" r="${s(1.8)}" fill="#ffffff" opacity=".35"/>`,
      );
    case 'bamboo':
      return pattern(
        40,
        90,
        `<path d="M${s(20)} 0V${s(90)}" stroke="${dark}" stroke-width="${s(3)}" opacity=".35"/><path d="M${s(4)} ${s(45)}H${s(36)}" stroke="${dark}" stroke-width="${s(4)}" opacity=".4"/>`,
      );
    case 'steel':
      return pattern(
        6,
        200,
        `<path d="M${s(3)} 0V${s(200)}" stroke="#ffffff" stroke-width="${s(1)}" opacity=".18"/>`,
      );
    case 'ceramic':
      return pattern(
        60,
        60,
        `<circle cx="${s(30)}" cy="${s(30)}" r="${s(26)}" fill="none" stroke="${light}" stroke-width="${s(1.5)}" opacity=".3"/>`,
      );
    case 'walnut':
      return pattern(
        120,
        40,
        `<path d="M0 ${s(12)}Q${s(30)} ${s(2)} ${s(60)} ${s(12)}T${s(120)} ${s(12)}M0 ${s(30)}Q${s(40)} ${s(22)} ${s(70)} ${s(32)}T${s(120)} ${s(28)}" fill="none" stroke="${dark}" stroke-width="${s(2.5)}" opacity=".45"/>`,
      );
    default: // nylon: ripstop grid
      return pattern(
        24,
        24,
        `<path d="M0 0H${s(24)}V${s(24)}" fill="none" stroke="${dark}" stroke-width="${s(1.6)}" opacity=".4"/>`,
      );
  }
}

/** Colours that stand for their material rather than for the product (steel is grey, walnut brown). */
function baseColour(material: string, hex: string): string {
  if (material === 'steel') return '#8d949c';
  if (material === 'walnut') return '#6b4630';
  return hex;
}

/**
 * The two demo views of a product, as SVG: 1 — the object's silhouette (by the noun its title ends
 * with) in its colour and material texture on a studio backdrop, details in a darker shade; 2 — a
 * close-up of the material. Text-free, so no font is needed to render them, and the same input always
 * gives the same bytes.
 */
export function demoProductSvgs(input: {
  title: string;
  material: string;
  handle: string;
}): [string, string] {
  const material = input.material.toLowerCase();
  const colour = baseColour(material, demoColour(input.handle).hex);
  const shape = demoShape(input.title) ?? PARCEL;
  // Details (soles, lids, straps) in a darker shade, outlined like the body.
  const accent = shape.accent
    ? `<path d="${shape.accent}" fill="${shade(colour, -0.32)}" stroke="${shade(colour, -0.45)}" stroke-width="4"/>`
    : '';
  const backdrop = shade(demoColour(`${input.handle}/backdrop`).hex, 0.82);
  const size = DEMO_IMAGE_SIZE;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`;
  const hero = `${open}<defs><linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(backdrop, 0.5)}"/><stop offset="1" stop-color="${backdrop}"/></linearGradient><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity=".22"/><stop offset=".6" stop-color="#ffffff" stop-opacity="0"/></linearGradient>${materialPattern(material, colour, 1.6)}</defs><rect width="${size}" height="${size}" fill="url(#b)"/><ellipse cx="600" cy="930" rx="420" ry="38" fill="#000000" opacity=".12"/><path d="${shape.body}" fill="${colour}" fill-rule="evenodd"/><path d="${shape.body}" fill="url(#m)" fill-rule="evenodd"/><path d="${shape.body}" fill="url(#g)" fill-rule="evenodd" stroke="${shade(colour, -0.3)}" stroke-width="6"/>${accent}</svg>`;
  const detail = `${open}<defs>${materialPattern(material, colour, 6)}<radialGradient id="v" cx=".35" cy=".3" r=".9"><stop offset="0" stop-color="#ffffff" stop-opacity=".25"/><stop offset="1" stop-color="#000000" stop-opacity=".3"/></radialGradient></defs><rect width="${size}" height="${size}" fill="${colour}"/><rect width="${size}" height="${size}" fill="url(#m)"/><rect width="${size}" height="${size}" fill="url(#v)"/><path d="M120 1080 L1080 120" stroke="${shade(colour, 0.4)}" stroke-width="10" stroke-dasharray="34 22" opacity=".55"/></svg>`;
  return [hero, detail];
}
