import type { PrismaClient } from "@shop/db";
import { AppError } from "../../errors.ts";
import { prepared, read } from "../../lib/sql.ts";
import { brandsWithCounts } from "./brand-counts.ts";

const oneBrand = prepared({ slug: "\0slug" }, ({ slug }) => brandsWithCounts.where("b.slug", "=", slug));

/** A brand for its storefront page: its name and how many of its products are on sale. */
export async function getBrand(db: PrismaClient, slug: string) {
  const [brand] = await read(db, oneBrand({ slug }));
  if (!brand) throw new AppError("NOT_FOUND", "We don't know this brand");
  return { slug: brand.slug, name: brand.name, productCount: brand.productCount };
}
