import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "@shop/db";
import { createTestDatabase, factories, type TestDatabase } from "@shop/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { parseServerEnv } from "../src/env.ts";

const query = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

// A second database stands in for a replica that has not caught up yet: the same product under
// an older name and price. Catalog pages read the replica; anything that writes or charges
// reads the primary.
describe("a read replica", () => {
  let primary: TestDatabase;
  let replica: TestDatabase;
  let db: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let slug = "";
  beforeAll(async () => {
    [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    const current = await factories(primary.prisma).product({
      name: "Lamp",
      variants: [{ price: 4_500, sku: "LAMP-1" }],
    });
    slug = current.slug;
    const stale = await factories(replica.prisma).product({
      name: "Lamp",
      variants: [{ price: 3_900, sku: "LAMP-1" }],
    });
    await replica.prisma.product.update({ where: { id: stale.id }, data: { slug, name: "Lamp (old)" } });
    db = await createDatabase({ kind: "postgres", url: String(primary.url), replicaUrl: replica.url });
    const env = parseServerEnv({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      SERVE_APPS: "false",
      CATALOG_CACHE: "off",
      DATA_DIR: mkdtempSync(join(tmpdir(), "shop-replica-")),
    });
    app = await buildApp(env, db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await Promise.all([primary.close(), replica.close()]);
  });

  it("serves catalog listings and product pages from the replica", async () => {
    const list = (await app.inject(query("catalog.list", { q: "lamp" }))).json();
    expect(list.result.data.json.items.map((item: { name: string }) => item.name)).toEqual(["Lamp (old)"]);
    const page = (await app.inject(query("catalog.get", { slug }))).json();
    expect(page.result.data.json).toMatchObject({ name: "Lamp (old)" });
  });

  it("prices the cart from the primary", async () => {
    const variant = await primary.prisma.variant.findFirstOrThrow({ where: { sku: "LAMP-1" } });
    const added = await app.inject({
      method: "POST",
      url: "/trpc/cart.add",
      headers: { "content-type": "application/json" },
      payload: { json: { variantId: variant.id, quantity: 1 } },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().result.data.json).toMatchObject({ subtotal: 4_500 });
  });
});
