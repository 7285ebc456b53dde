import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@shop/db";
import { seed } from "@shop/db/seed";
import { localDiskStorage } from "@shop/media";
import { setupTestShop } from "./support.ts";

/** A test shop with the demo seed's catalogue of 240 products (the reference tests' ground). */
export async function seededCatalogue(options: { orders: number }) {
  const shop = await setupTestShop();
  await seed(shop.db, {
    products: 240,
    orders: options.orders,
    customers: 30,
    media: localDiskStorage(mkdtempSync(join(tmpdir(), "shop-catalogue-"))),
  });
  return shop;
}

/**
 * Words to search for: those of product names (3 letters or more), and the ten that most active
 * products share (from descriptions: searches with many matches).
 */
export async function catalogueWords(db: PrismaClient) {
  const names = (await db.product.findMany({ select: { name: true } })).map((p) => p.name);
  const words = [...new Set(names.flatMap((name) => name.toLowerCase().split(/[^a-z0-9]+/)))].filter(
    (word) => word.length >= 3,
  );
  const common = (
    await db.$queryRaw<Array<{ word: string }>>`
      SELECT "word" FROM ts_stat('SELECT "searchVector" FROM "Product" WHERE "status" = ''ACTIVE''')
       WHERE length("word") >= 4 ORDER BY "ndoc" DESC, "word" LIMIT 10`
  ).map((row) => row.word);
  return { words, common };
}
