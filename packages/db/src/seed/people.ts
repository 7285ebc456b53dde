import type { Random } from "./random.ts";

const first = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Isla",
  "Jonas",
  "Kara",
  "Liam",
  "Maya",
  "Noah",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
  "Uma",
  "Victor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoe",
];
const last = [
  "Ahmed",
  "Brown",
  "Chen",
  "Diaz",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ito",
  "Jensen",
  "Khan",
  "Lopez",
  "Martin",
  "Nguyen",
  "Okafor",
  "Patel",
  "Quint",
  "Rossi",
  "Smith",
  "Tanaka",
  "Ueda",
  "Varga",
  "Weber",
  "Xu",
  "Young",
  "Zhang",
];

export type SeedAddress = {
  fullName: string;
  line1: string;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
};

const places = [
  { country: "US", region: "CA", city: "San Francisco", postalCode: "94103", weight: 20 },
  { country: "US", region: "NY", city: "New York", postalCode: "10001", weight: 18 },
  { country: "US", region: "TX", city: "Austin", postalCode: "73301", weight: 12 },
  { country: "US", region: "WA", city: "Seattle", postalCode: "98101", weight: 8 },
  { country: "US", region: "OR", city: "Portland", postalCode: "97201", weight: 6 },
  { country: "GB", region: null, city: "London", postalCode: "SW1A 1AA", weight: 12 },
  { country: "DE", region: null, city: "Berlin", postalCode: "10115", weight: 9 },
  { country: "FR", region: null, city: "Paris", postalCode: "75001", weight: 8 },
  { country: "CA", region: null, city: "Toronto", postalCode: "M5H 2N2", weight: 7 },
];

const streets = ["Market St", "High St", "Oak Ave", "Main St", "Elm Rd", "Park Lane", "River Way", "Station Rd"];

export function personName(random: Random): string {
  return `${random.pick(first)} ${random.pick(last)}`;
}

export function emailFor(name: string, n: number): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, ".")}.${n}@example.com`;
}

export function address(random: Random, fullName: string): SeedAddress {
  const place = places[random.weighted(places.map((p) => p.weight))] ?? places[0];
  if (!place) throw new Error("no places");
  return {
    fullName,
    line1: `${random.int(1, 999)} ${random.pick(streets)}`,
    city: place.city,
    region: place.region,
    postalCode: place.postalCode,
    country: place.country,
  };
}
