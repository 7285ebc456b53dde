// The demo catalog's vocabulary: categories, brands and the product lines each brand makes.

export type CategoryDef = { slug: string; name: string; parent?: string; description: string };

export const categories: CategoryDef[] = [
  { slug: "phones", name: "Phones", description: "Smartphones from every major maker." },
  { slug: "audio", name: "Audio", description: "Earbuds and headphones." },
  { slug: "earbuds", name: "Earbuds", parent: "audio", description: "True wireless earbuds." },
  { slug: "headphones", name: "Headphones", parent: "audio", description: "Over-ear and on-ear headphones." },
  { slug: "wearables", name: "Wearables", description: "Watches and trackers." },
  {
    slug: "smartwatches",
    name: "Smartwatches",
    parent: "wearables",
    description: "Smartwatches with apps and payments.",
  },
  {
    slug: "fitness-trackers",
    name: "Fitness trackers",
    parent: "wearables",
    description: "Bands for steps, sleep and heart rate.",
  },
  { slug: "tablets", name: "Tablets", description: "Tablets for work and play." },
  { slug: "laptops", name: "Laptops", description: "Laptops and ultrabooks." },
  { slug: "ultrabooks", name: "Ultrabooks", parent: "laptops", description: "Thin and light laptops." },
  {
    slug: "gaming-laptops",
    name: "Gaming laptops",
    parent: "laptops",
    description: "Laptops with dedicated graphics.",
  },
  { slug: "accessories", name: "Accessories", description: "Chargers, cases, cables and more." },
  { slug: "chargers", name: "Chargers", parent: "accessories", description: "Wall chargers and power banks." },
  { slug: "cases", name: "Cases", parent: "accessories", description: "Cases and screen protection." },
  { slug: "cables", name: "Cables", parent: "accessories", description: "USB-C, Lightning and more." },
];

/** Option axes with their values; `priceStep` is added per step along the axis (minor units). */
export type AxisDef = { name: string; values: string[]; priceStep?: number };

export type LineDef = {
  category: string;
  series: string[];
  /** Base price range in minor units. */
  price: [number, number];
  axes: AxisDef[];
  features: string[];
};

const colours = ["Black", "White", "Silver", "Blue", "Green", "Pink", "Graphite", "Gold", "Red", "Purple"];

export const lines = {
  phone: {
    category: "phones",
    series: ["Pro", "Ultra", "Plus", "Lite", "Max", "Neo", "Edge", "Mini"],
    price: [29_900, 119_900],
    axes: [
      { name: "Colour", values: colours },
      { name: "Storage", values: ["128 GB", "256 GB", "512 GB", "1 TB"], priceStep: 10_000 },
    ],
    features: ["OLED display", "triple camera", "all-day battery", "5G", "IP68 water resistance", "fast charging"],
  },
  earbuds: {
    category: "earbuds",
    series: ["Buds", "Pods", "Free", "Sport", "Air", "Studio"],
    price: [4_900, 29_900],
    axes: [{ name: "Colour", values: colours }],
    features: ["active noise cancelling", "transparency mode", "wireless charging case", "multipoint Bluetooth"],
  },
  headphones: {
    category: "headphones",
    series: ["Studio", "Quiet", "Over", "Pro", "Travel"],
    price: [7_900, 44_900],
    axes: [{ name: "Colour", values: colours }],
    features: ["active noise cancelling", "30-hour battery", "foldable design", "spatial audio"],
  },
  watch: {
    category: "smartwatches",
    series: ["Watch", "Watch Pro", "Watch Sport", "Watch Active", "Watch Classic"],
    price: [14_900, 79_900],
    axes: [
      { name: "Size", values: ["41 mm", "45 mm", "49 mm"], priceStep: 3_000 },
      { name: "Colour", values: colours },
    ],
    features: ["always-on display", "ECG", "GPS", "sleep tracking", "contactless payments"],
  },
  tracker: {
    category: "fitness-trackers",
    series: ["Band", "Fit", "Charge", "Move"],
    price: [2_900, 14_900],
    axes: [{ name: "Colour", values: colours }],
    features: ["heart-rate sensor", "14-day battery", "sleep score", "swim-proof"],
  },
  tablet: {
    category: "tablets",
    series: ["Tab", "Pad", "Tab Pro", "Pad Air", "Tab Lite"],
    price: [19_900, 129_900],
    axes: [
      { name: "Storage", values: ["64 GB", "128 GB", "256 GB", "512 GB"], priceStep: 10_000 },
      { name: "Connectivity", values: ["Wi-Fi", "Wi-Fi + Cellular"], priceStep: 15_000 },
    ],
    features: ["pen support", "keyboard cover", "120 Hz display", "quad speakers"],
  },
  ultrabook: {
    category: "ultrabooks",
    series: ["Book", "Air", "Slim", "Zen", "Spectre", "Carbon"],
    price: [79_900, 249_900],
    axes: [
      { name: "Memory", values: ["8 GB", "16 GB", "32 GB"], priceStep: 20_000 },
      { name: "Storage", values: ["256 GB", "512 GB", "1 TB"], priceStep: 15_000 },
    ],
    features: ["all-day battery", "backlit keyboard", "fingerprint reader", "Thunderbolt ports"],
  },
  gaming: {
    category: "gaming-laptops",
    series: ["Strix", "Legion", "Predator", "Omen", "Rog"],
    price: [99_900, 299_900],
    axes: [
      { name: "Memory", values: ["16 GB", "32 GB"], priceStep: 20_000 },
      { name: "Storage", values: ["512 GB", "1 TB", "2 TB"], priceStep: 15_000 },
    ],
    features: ["240 Hz display", "RTX graphics", "per-key RGB", "vapour-chamber cooling"],
  },
  charger: {
    category: "chargers",
    series: ["PowerPort", "Charger", "Power Bank", "GaN Charger", "MagCharge"],
    price: [1_900, 9_900],
    axes: [{ name: "Colour", values: ["Black", "White"] }],
    features: ["USB-C Power Delivery", "GaN technology", "foldable plug", "two ports"],
  },
  case: {
    category: "cases",
    series: ["Case", "Clear Case", "Rugged Case", "Leather Case", "Folio"],
    price: [1_500, 6_900],
    axes: [{ name: "Colour", values: colours }],
    features: ["drop protection", "MagSafe compatible", "raised camera edge", "microfibre lining"],
  },
  cable: {
    category: "cables",
    series: ["Cable", "Braided Cable", "Fast Cable", "Link Cable"],
    price: [900, 3_900],
    axes: [{ name: "Length", values: ["1 m", "2 m", "3 m"], priceStep: 300 }],
    features: ["braided jacket", "100 W charging", "10 Gbps data", "lifetime warranty"],
  },
} satisfies Record<string, LineDef>;

export type LineKey = keyof typeof lines;

export type BrandDef = {
  name: string;
  slug: string;
  hue: number;
  lines: LineKey[];
  /** Model family names, e.g. Apple phones are "iPhone". */
  families?: Partial<Record<LineKey, string>>;
};

export const brands: BrandDef[] = [
  {
    name: "Apple",
    slug: "apple",
    hue: 210,
    lines: ["phone", "earbuds", "watch", "tablet", "ultrabook", "case", "cable"],
    families: { phone: "iPhone", earbuds: "AirPods", tablet: "iPad", ultrabook: "MacBook" },
  },
  {
    name: "Samsung",
    slug: "samsung",
    hue: 225,
    lines: ["phone", "earbuds", "watch", "tablet", "ultrabook", "charger"],
    families: { phone: "Galaxy", earbuds: "Galaxy", watch: "Galaxy", tablet: "Galaxy" },
  },
  {
    name: "Google",
    slug: "google",
    hue: 140,
    lines: ["phone", "earbuds", "watch", "tablet"],
    families: { phone: "Pixel", earbuds: "Pixel", watch: "Pixel", tablet: "Pixel" },
  },
  { name: "OnePlus", slug: "oneplus", hue: 0, lines: ["phone", "earbuds", "watch", "tablet"] },
  { name: "Xiaomi", slug: "xiaomi", hue: 25, lines: ["phone", "earbuds", "tracker", "tablet", "charger"] },
  { name: "Sony", slug: "sony", hue: 270, lines: ["phone", "earbuds", "headphones"] },
  { name: "Bose", slug: "bose", hue: 30, lines: ["earbuds", "headphones"] },
  { name: "Sennheiser", slug: "sennheiser", hue: 200, lines: ["earbuds", "headphones"] },
  { name: "Jabra", slug: "jabra", hue: 50, lines: ["earbuds", "headphones"] },
  { name: "Garmin", slug: "garmin", hue: 190, lines: ["watch", "tracker"] },
  { name: "Fitbit", slug: "fitbit", hue: 170, lines: ["tracker", "watch"] },
  { name: "Lenovo", slug: "lenovo", hue: 350, lines: ["tablet", "ultrabook", "gaming"] },
  { name: "Dell", slug: "dell", hue: 205, lines: ["ultrabook", "gaming"] },
  { name: "HP", slug: "hp", hue: 215, lines: ["ultrabook", "gaming"] },
  { name: "Asus", slug: "asus", hue: 240, lines: ["ultrabook", "gaming", "phone"] },
  {
    name: "Microsoft",
    slug: "microsoft",
    hue: 120,
    lines: ["ultrabook", "tablet"],
    families: { ultrabook: "Surface", tablet: "Surface" },
  },
  { name: "Anker", slug: "anker", hue: 195, lines: ["charger", "cable", "earbuds"] },
  { name: "Belkin", slug: "belkin", hue: 10, lines: ["charger", "cable", "case"] },
  { name: "Nothing", slug: "nothing", hue: 0, lines: ["phone", "earbuds"] },
  { name: "Spigen", slug: "spigen", hue: 280, lines: ["case", "cable"] },
];
