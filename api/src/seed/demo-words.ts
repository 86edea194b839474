/** Vocabulary of the demo catalog: category tree, sellers and the words products are made of. */

export interface DemoCategory {
  handle: string;
  name: string;
  children?: DemoCategory[];
  /** Nouns of products in this category (leaves only). */
  nouns?: string[];
  /** The option products here vary by, with its values. */
  option?: { name: string; values: string[] };
  /** Qualities that suit this category's products (top level, for every leaf under it). */
  qualities?: string[];
}

const SIZES = { name: 'Size', values: ['XS', 'S', 'M', 'L', 'XL'] };
const SHOE_SIZES = { name: 'Size', values: ['38', '39', '40', '41', '42', '43', '44'] };
const COLORS = { name: 'Color', values: ['Black', 'White', 'Olive', 'Navy', 'Sand', 'Rust'] };
const FINISH = { name: 'Finish', values: ['Natural', 'Oiled', 'Black', 'White'] };
const KIDS_SIZES = {
  name: 'Age',
  values: ['2–3 years', '4–5 years', '6–7 years', '8–9 years', '10–11 years'],
};

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    handle: 'apparel',
    name: 'Apparel',
    qualities: [
      'breathable',
      'organic',
      'quick-drying',
      'soft',
      'lightweight',
      'durable',
      'repairable',
      'packable',
    ],
    children: [
      {
        handle: 'mens-clothing',
        name: "Men's Clothing",
        nouns: ['Shirt', 'Jacket', 'Chinos', 'Hoodie'],
        option: SIZES,
      },
      {
        handle: 'womens-clothing',
        name: "Women's Clothing",
        nouns: ['Dress', 'Blouse', 'Cardigan', 'Coat'],
        option: SIZES,
      },
      {
        handle: 'kids-clothing',
        name: "Kids' Clothing",
        nouns: ['T-Shirt', 'Raincoat', 'Pyjamas'],
        option: KIDS_SIZES,
      },
    ],
  },
  {
    handle: 'footwear',
    name: 'Footwear',
    qualities: ['waterproof', 'breathable', 'lightweight', 'durable', 'repairable', 'hand-finished'],
    children: [
      {
        handle: 'running-shoes',
        name: 'Running Shoes',
        nouns: ['Trail Runner', 'Road Racer', 'Trainer'],
        option: SHOE_SIZES,
      },
      {
        handle: 'boots',
        name: 'Boots',
        nouns: ['Hiking Boot', 'Chelsea Boot', 'Work Boot'],
        option: SHOE_SIZES,
      },
      {
        handle: 'sandals',
        name: 'Sandals',
        nouns: ['Sandal', 'Slide', 'Flip-Flop'],
        option: SHOE_SIZES,
      },
    ],
  },
  {
    handle: 'home',
    name: 'Home',
    qualities: ['hand-finished', 'durable', 'repairable', 'timeless', 'easy-care'],
    children: [
      {
        handle: 'kitchen',
        name: 'Kitchen',
        children: [
          {
            handle: 'cookware',
            name: 'Cookware',
            nouns: ['Skillet', 'Saucepan', 'Dutch Oven'],
            option: { name: 'Diameter', values: ['20 cm', '24 cm', '28 cm', '32 cm'] },
          },
          {
            handle: 'tableware',
            name: 'Tableware',
            nouns: ['Dinner Plate Set', 'Mug', 'Serving Bowl'],
            option: COLORS,
          },
        ],
      },
      {
        handle: 'furniture',
        name: 'Furniture',
        nouns: ['Side Table', 'Bookshelf', 'Lounge Chair'],
        option: FINISH,
      },
      {
        handle: 'lighting',
        name: 'Lighting',
        nouns: ['Desk Lamp', 'Pendant Light', 'Floor Lamp'],
        option: COLORS,
      },
    ],
  },
  {
    handle: 'electronics',
    name: 'Electronics',
    qualities: ['lightweight', 'durable', 'repairable', 'ergonomic', 'compact'],
    children: [
      {
        handle: 'audio',
        name: 'Audio',
        nouns: ['Headphones', 'Bluetooth Speaker', 'Earbuds'],
        option: COLORS,
      },
      {
        handle: 'phone-accessories',
        name: 'Phone Accessories',
        nouns: ['Phone Case', 'Charger', 'Power Bank'],
        option: { name: 'Capacity', values: ['5,000 mAh', '10,000 mAh', '20,000 mAh', '30,000 mAh'] },
      },
      {
        handle: 'computer-accessories',
        name: 'Computer Accessories',
        nouns: ['Keyboard', 'Mouse', 'Laptop Stand'],
        option: COLORS,
      },
    ],
  },
  {
    handle: 'outdoor',
    name: 'Outdoor',
    qualities: ['weatherproof', 'lightweight', 'packable', 'durable', 'repairable'],
    children: [
      {
        handle: 'camping',
        name: 'Camping',
        nouns: ['Tent', 'Sleeping Bag', 'Camp Stove'],
        option: { name: 'Capacity', values: ['1 person', '2 person', '3 person', '4 person'] },
      },
      {
        handle: 'cycling',
        name: 'Cycling',
        nouns: ['Bike Helmet', 'Saddle Bag', 'Bike Light'],
        option: SIZES,
      },
      {
        handle: 'climbing',
        name: 'Climbing',
        nouns: ['Harness', 'Chalk Bag', 'Rope'],
        option: { name: 'Length', values: ['30 m', '40 m', '60 m', '70 m'] },
      },
    ],
  },
];

export const DEMO_SELLERS = [
  {
    handle: 'atlas-outfitters',
    name: 'Atlas Outfitters',
    description: 'Outdoor gear and footwear since 1998.',
    status: 'active',
  },
  {
    handle: 'nordic-home',
    name: 'Nordic Home',
    description: 'Quiet, durable things for the home.',
    status: 'active',
  },
  {
    handle: 'pixel-forge',
    name: 'Pixel Forge',
    description: 'Accessories for phones and computers.',
    status: 'active',
  },
  { handle: 'quiet-pages', name: 'Quiet Pages', description: 'Awaiting approval.', status: 'pending' },
  { handle: 'shady-deals', name: 'Shady Deals', description: 'Suspended for review.', status: 'suspended' },
] as const;

export const ADJECTIVES = [
  'Alpine',
  'Classic',
  'Coastal',
  'Everyday',
  'Featherlight',
  'Heritage',
  'Urban',
  'Rugged',
  'Nomad',
  'Summit',
  'Meadow',
  'Harbor',
  'Granite',
  'Willow',
  'Ember',
  'Aurora',
  'Canyon',
  'Drift',
  'Pioneer',
  'Tundra',
];

export const MATERIALS = [
  'Leather',
  'Linen',
  'Merino',
  'Cotton',
  'Recycled',
  'Bamboo',
  'Steel',
  'Ceramic',
  'Walnut',
  'Nylon',
];

export const QUALITIES = [
  'waterproof',
  'breathable',
  'hand-finished',
  'lightweight',
  'durable',
  'repairable',
  'packable',
  'organic',
  'insulated',
  'ergonomic',
  'stackable',
  'quick-drying',
];
