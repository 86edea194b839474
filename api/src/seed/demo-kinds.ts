/** What a kind of demo product (the noun its title ends with) is made of, costs and varies by. */
export interface DemoKind {
  /** Words of `MATERIALS`, so no boot is ceramic. */
  materials: readonly string[];
  /** Lowest and highest price in whole US dollars: a mug is not $375 and a lounge chair not $28. */
  price: readonly [low: number, high: number];
  /**
   * Its own option, where its category's does not fit (a phone case has no capacity). As many values
   * as the category's option: the catalog's draws (how many variants, from which value) then stay as
   * they are, and so does every id and price after it.
   */
  option?: { name: string; values: string[] };
}

/** Every kind of demo product, by noun (demo-catalog.ts places its draws in these). */
export const DEMO_KINDS: Record<string, DemoKind> = {
  Shirt: { materials: ['Cotton', 'Linen', 'Merino'], price: [35, 120] },
  Jacket: { materials: ['Nylon', 'Leather', 'Recycled', 'Cotton'], price: [90, 380] },
  Chinos: { materials: ['Cotton', 'Linen'], price: [45, 130] },
  Hoodie: { materials: ['Cotton', 'Merino', 'Recycled'], price: [45, 140] },
  Dress: { materials: ['Linen', 'Cotton', 'Merino'], price: [60, 260] },
  Blouse: { materials: ['Linen', 'Cotton'], price: [40, 150] },
  Cardigan: { materials: ['Merino', 'Cotton', 'Recycled'], price: [60, 220] },
  Coat: { materials: ['Merino', 'Recycled', 'Nylon'], price: [140, 480] },
  'T-Shirt': { materials: ['Cotton', 'Bamboo', 'Recycled', 'Merino'], price: [12, 40] },
  Raincoat: { materials: ['Nylon', 'Recycled'], price: [35, 90] },
  Pyjamas: { materials: ['Cotton', 'Bamboo', 'Linen'], price: [20, 60] },
  'Trail Runner': { materials: ['Nylon', 'Recycled'], price: [90, 190] },
  'Road Racer': { materials: ['Nylon', 'Recycled', 'Merino'], price: [110, 260] },
  Trainer: { materials: ['Leather', 'Recycled', 'Cotton'], price: [60, 160] },
  'Hiking Boot': { materials: ['Leather', 'Nylon', 'Recycled'], price: [120, 280] },
  'Chelsea Boot': { materials: ['Leather', 'Recycled'], price: [110, 320] },
  'Work Boot': { materials: ['Leather', 'Nylon'], price: [110, 260] },
  Sandal: { materials: ['Leather', 'Recycled'], price: [35, 140] },
  Slide: { materials: ['Recycled', 'Leather'], price: [25, 80] },
  'Flip-Flop': { materials: ['Recycled', 'Leather'], price: [12, 45] },
  Skillet: { materials: ['Steel', 'Ceramic'], price: [30, 160] },
  Saucepan: { materials: ['Steel', 'Ceramic'], price: [40, 180] },
  'Dutch Oven': { materials: ['Ceramic', 'Steel'], price: [70, 380] },
  'Dinner Plate Set': { materials: ['Ceramic', 'Bamboo', 'Recycled'], price: [40, 220] },
  Mug: { materials: ['Ceramic', 'Steel', 'Bamboo'], price: [12, 45] },
  'Serving Bowl': { materials: ['Walnut', 'Ceramic', 'Bamboo'], price: [25, 140] },
  'Side Table': { materials: ['Walnut', 'Steel', 'Bamboo', 'Recycled'], price: [90, 450] },
  Bookshelf: { materials: ['Walnut', 'Bamboo', 'Steel'], price: [140, 900] },
  'Lounge Chair': { materials: ['Walnut', 'Leather', 'Linen', 'Recycled'], price: [250, 1600] },
  'Desk Lamp': { materials: ['Steel', 'Walnut', 'Ceramic'], price: [45, 260] },
  'Pendant Light': { materials: ['Linen', 'Ceramic', 'Steel', 'Bamboo'], price: [60, 420] },
  'Floor Lamp': { materials: ['Linen', 'Steel', 'Walnut', 'Bamboo'], price: [90, 520] },
  Headphones: { materials: ['Recycled', 'Leather', 'Steel'], price: [60, 450] },
  'Bluetooth Speaker': { materials: ['Walnut', 'Recycled', 'Bamboo'], price: [45, 320] },
  Earbuds: { materials: ['Recycled', 'Steel'], price: [40, 280] },
  'Phone Case': {
    materials: ['Leather', 'Recycled', 'Bamboo', 'Walnut'],
    price: [15, 70],
    option: { name: 'Color', values: ['Black', 'Sand', 'Olive', 'Navy'] },
  },
  Charger: {
    materials: ['Recycled'],
    price: [15, 70],
    option: { name: 'Power', values: ['20 W', '30 W', '45 W', '65 W'] },
  },
  'Power Bank': { materials: ['Recycled', 'Steel', 'Bamboo'], price: [25, 110] },
  Keyboard: { materials: ['Walnut', 'Recycled', 'Steel', 'Bamboo'], price: [45, 260] },
  Mouse: { materials: ['Recycled', 'Walnut'], price: [20, 130] },
  'Laptop Stand': { materials: ['Steel', 'Walnut', 'Bamboo'], price: [30, 160] },
  Tent: { materials: ['Nylon', 'Recycled', 'Cotton'], price: [120, 750] },
  'Sleeping Bag': {
    materials: ['Nylon', 'Recycled'],
    price: [70, 420],
    option: { name: 'Comfort rating', values: ['10 °C', '5 °C', '0 °C', '−5 °C'] },
  },
  'Camp Stove': {
    materials: ['Steel'],
    price: [40, 180],
    option: { name: 'Output', values: ['2.0 kW', '2.6 kW', '3.0 kW', '3.5 kW'] },
  },
  'Bike Helmet': { materials: ['Recycled'], price: [45, 260] },
  'Saddle Bag': {
    materials: ['Nylon', 'Leather', 'Recycled'],
    price: [20, 90],
    option: { name: 'Volume', values: ['0.6 l', '0.9 l', '1.2 l', '1.5 l', '2 l'] },
  },
  'Bike Light': {
    materials: ['Recycled', 'Steel'],
    price: [20, 120],
    option: { name: 'Output', values: ['200 lm', '400 lm', '600 lm', '800 lm', '1,000 lm'] },
  },
  Harness: {
    materials: ['Nylon', 'Recycled'],
    price: [50, 130],
    option: { name: 'Size', values: ['XS', 'S', 'M', 'L'] },
  },
  'Chalk Bag': {
    materials: ['Cotton', 'Nylon', 'Recycled'],
    price: [15, 50],
    option: { name: 'Color', values: ['Black', 'Sand', 'Olive', 'Rust'] },
  },
  Rope: { materials: ['Nylon', 'Recycled'], price: [90, 320] },
};
