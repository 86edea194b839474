import { createHash } from 'node:crypto';

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

/** Silhouettes per leaf category, drawn in a 1200 × 1200 box (the object sits on a floor at y≈900). */
const SHAPES: Record<string, string> = {
  apparel:
    'M430 280 L530 240 Q600 300 670 240 L770 280 L920 430 L830 520 L770 470 L770 920 L430 920 L430 470 L370 520 L280 430 Z',
  'running-shoes':
    'M250 800 Q255 640 380 610 L560 580 Q610 470 700 460 L780 465 Q820 560 880 610 Q980 650 960 770 Q955 810 910 820 L290 830 Q245 825 250 800 Z',
  boots:
    'M420 300 L640 300 L650 610 Q700 650 860 690 Q960 720 950 820 Q945 850 900 855 L400 860 Q370 850 380 800 Z',
  sandals: 'M260 760 Q280 700 420 690 L880 690 Q960 700 960 760 Q950 810 880 815 L330 815 Q260 810 260 760 Z',
  cookware:
    'M300 560 L820 560 L800 820 Q790 870 730 870 L390 870 Q330 870 320 820 Z M820 600 L1040 560 L1050 610 L830 660 Z',
  tableware: 'M260 520 L940 520 Q930 760 740 860 L460 860 Q270 760 260 520 Z',
  furniture:
    'M380 280 L820 280 L820 600 L880 600 L880 920 L820 920 L820 700 L380 700 L380 920 L320 920 L320 600 L380 600 Z',
  lighting:
    'M430 260 L770 260 L860 520 L340 520 Z M585 520 L615 520 L615 860 L585 860 Z M440 860 L760 860 L760 910 L440 910 Z',
  audio:
    'M340 640 Q320 260 600 250 Q880 260 860 640 L820 640 Q830 310 600 300 Q370 310 380 640 Z M300 600 L420 600 L420 860 L300 860 Z M780 600 L900 600 L900 860 L780 860 Z',
  'phone-accessories':
    'M460 220 L740 220 Q790 220 790 270 L790 890 Q790 940 740 940 L460 940 Q410 940 410 890 L410 270 Q410 220 460 220 Z',
  'computer-accessories':
    'M200 620 L1000 620 Q1030 620 1030 650 L1030 840 Q1030 870 1000 870 L200 870 Q170 870 170 840 L170 650 Q170 620 200 620 Z',
  camping: 'M600 260 L960 880 L240 880 Z',
  cycling: 'M260 720 Q270 340 600 330 Q930 340 940 720 Q930 760 880 760 L320 760 Q270 760 260 720 Z',
  climbing: 'M600 300 A300 300 0 1 1 599 300 Z M600 420 A180 180 0 1 0 601 420 Z',
};
const LEAF_TO_SHAPE: Record<string, string> = {
  'mens-clothing': 'apparel',
  'womens-clothing': 'apparel',
  'kids-clothing': 'apparel',
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
 * The two demo views of a product, as SVG: 1 — the object's silhouette (by category) in its colour
 * and material texture on a studio backdrop; 2 — a close-up of the material. Text-free, so no font
 * is needed to render them, and the same input always gives the same bytes.
 */
export function demoProductSvgs(input: { leaf: string; material: string; handle: string }): [string, string] {
  const material = input.material.toLowerCase();
  const colour = baseColour(material, demoColour(input.handle).hex);
  const shape = SHAPES[LEAF_TO_SHAPE[input.leaf] ?? input.leaf] ?? SHAPES.camping;
  const backdrop = shade(demoColour(`${input.handle}/backdrop`).hex, 0.82);
  const size = DEMO_IMAGE_SIZE;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`;
  const hero = `${open}<defs><linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(backdrop, 0.5)}"/><stop offset="1" stop-color="${backdrop}"/></linearGradient><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#ffffff" stop-opacity=".22"/><stop offset=".6" stop-color="#ffffff" stop-opacity="0"/></linearGradient>${materialPattern(material, colour, 1.6)}</defs><rect width="${size}" height="${size}" fill="url(#b)"/><ellipse cx="600" cy="930" rx="420" ry="38" fill="#000000" opacity=".12"/><path d="${shape}" fill="${colour}" fill-rule="evenodd"/><path d="${shape}" fill="url(#m)" fill-rule="evenodd"/><path d="${shape}" fill="url(#g)" fill-rule="evenodd" stroke="${shade(colour, -0.3)}" stroke-width="6"/></svg>`;
  const detail = `${open}<defs>${materialPattern(material, colour, 6)}<radialGradient id="v" cx=".35" cy=".3" r=".9"><stop offset="0" stop-color="#ffffff" stop-opacity=".25"/><stop offset="1" stop-color="#000000" stop-opacity=".3"/></radialGradient></defs><rect width="${size}" height="${size}" fill="${colour}"/><rect width="${size}" height="${size}" fill="url(#m)"/><rect width="${size}" height="${size}" fill="url(#v)"/><path d="M120 1080 L1080 120" stroke="${shade(colour, 0.4)}" stroke-width="10" stroke-dasharray="34 22" opacity=".55"/></svg>`;
  return [hero, detail];
}
