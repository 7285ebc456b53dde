import { s3Storage, type MediaStorage } from "@shop/media";
import { CONTROL_CHARACTER_MESSAGE, imageUploadBody } from "@shop/validators";
import { startTestS3, testPhoto, type TestS3 } from "@shop/media/testing";
import sharp from "sharp";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteQueuedMedia } from "../src/services/media/delete-queued.ts";
import { callerFor, setupTestShop, testConfig } from "./support.ts";

/** What the admin sends: the metadata line, then the file. */
const body = (productId: number, bytes: Uint8Array, alt = "") => imageUploadBody({ productId, alt }, new Blob([bytes]));
const keyOf = (url: string) => url.replace(/^\/media\//, "");
const srcsetEntries = (srcset: string | null) =>
  (srcset ?? "").split(", ").map((entry) => {
    const [url = "", width = ""] = entry.split(" ");
    return { key: keyOf(url), width: Number(width.replace("w", "")) };
  });
const stored = async (storage: MediaStorage, key: string) => {
  const object = await storage.get(key);
  return object ? buffer(object.body) : null;
};

describe("product images: upload checks, responsive widths, deletion through the outbox", () => {
  let shop: Awaited<ReturnType<typeof setupTestShop>>;
  let staffId: number;
  let staff: Awaited<ReturnType<typeof callerFor>>["caller"];
  let productId: number;
  beforeAll(async () => {
    shop = await setupTestShop();
    staffId = (await shop.make.user({ role: "STAFF" })).id;
    staff = (await callerFor(shop.prisma, { userId: staffId })).caller;
    productId = (await shop.make.product({ name: "Aurora Lamp", status: "ACTIVE" })).id;
  });
  afterAll(() => shop.db.close());

  it("refuses what is not a safe raster image, saying why, and stores nothing", async () => {
    const refused = async (bytes: Uint8Array) =>
      staff.admin.products.uploadImage(body(productId, bytes)).then(
        () => null,
        (error: unknown) => error,
      );
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refused(svg)).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^SVG images are not accepted/),
    });
    // Named lamp.png by the browser, but text inside: the bytes decide.
    expect(await refused(new TextEncoder().encode("GIF? PNG? no: just text pretending to be an image"))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not a PNG, JPEG, GIF or WebP image \(checked from its content/),
    });
    const bomb = await sharp({ create: { width: 9_000, height: 9_000, channels: 3, background: "#fff" } })
      .png()
      .toBuffer();
    expect(await refused(bomb)).toMatchObject({
      message: expect.stringMatching(/9000 × 9000 pixels .* at most 40 megapixels/),
    });
    expect(await refused((await testPhoto(300, 200, "jpeg")).subarray(0, 400))).toMatchObject({
      message: expect.stringMatching(/could not be read/),
    });
    expect(await shop.prisma.productImage.count({ where: { productId } })).toBe(0);
  });

  it("stops reading a file at 5 MB + 1 byte and refuses it (413) without taking the rest", async () => {
    // 8 MB offered in 64 KB chunks, pulled only as the server reads.
    const chunk = new Uint8Array(64 * 1024);
    let pulled = 0;
    let cancelled = false;
    const head = new TextEncoder().encode(`${JSON.stringify({ productId, alt: "" })}\n`);
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(pulled === 1 ? head : chunk);
          if (pulled > 128) controller.close();
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    await expect(staff.admin.products.uploadImage(stream)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: expect.stringMatching(/larger than 5 MB; images may be at most 5 MB/),
    });
    // The metadata line and 80 chunks of 64 KB make 5 MB; the 81st goes over and is the last read.
    expect(pulled).toBe(1 + 81);
    expect(cancelled).toBe(true);
    // Exactly 5 MB is still an image's allowance (refused here only for not being one).
    await expect(
      staff.admin.products.uploadImage(body(productId, new Uint8Array(5 * 1024 * 1024))),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/not a PNG, JPEG, GIF or WebP/) });
  });

  it("checks the metadata line like any input: product, alt text, control characters", async () => {
    const photo = new Blob([await testPhoto(40, 40, "png")]);
    const raw = (line: string) => staff.admin.products.uploadImage(new Blob([line, photo]));
    // The zod issue a refusal carries (the HTTP answer's message is its first one).
    const issue = (message: RegExp | string, path: string[] = []) => ({
      code: "BAD_REQUEST",
      cause: {
        issues: [
          expect.objectContaining({
            message: typeof message === "string" ? message : expect.stringMatching(message),
            path,
          }),
        ],
      },
    });
    await expect(raw("")).rejects.toMatchObject(issue(/^The upload must start with a line of JSON/));
    await expect(raw("not json\n")).rejects.toMatchObject(issue(/^The upload must start with a line of JSON/));
    await expect(raw(`${JSON.stringify({ productId, alt: "", extra: 1 })}\n`)).rejects.toMatchObject(
      issue(/sent something unexpected/),
    );
    await expect(raw(`${JSON.stringify({ productId, alt: "x".repeat(201) })}\n`)).rejects.toMatchObject(
      issue("At most 200 characters", ["alt"]),
    );
    await expect(raw(`${JSON.stringify({ productId, alt: "bad\u0000alt" })}\n`)).rejects.toMatchObject(
      issue(CONTROL_CHARACTER_MESSAGE, ["alt"]),
    );
    await expect(staff.admin.products.uploadImage(body(999_999, await testPhoto(40, 40, "png")))).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    const shopper = (await callerFor(shop.prisma)).caller;
    await expect(
      shopper.admin.products.uploadImage(body(productId, await testPhoto(40, 40, "png"))),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await shop.prisma.productImage.count({ where: { productId } })).toBe(0);
  });

  it("strips EXIF from every stored file and serves real widths through srcset", async () => {
    const photo = await testPhoto(1400, 1050, "jpeg", { exif: true });
    expect(photo.toString("latin1")).toContain("Jane Staffer");
    const image = await staff.admin.products.uploadImage(body(productId, photo, "Lamp, lit"));
    expect(image).toMatchObject({ width: 1400, height: 1050 });
    const original = srcsetEntries(image.srcSet);
    const webp = srcsetEntries(image.webpSrcSet);
    expect(original.map((entry) => entry.width)).toEqual([320, 640, 1024, 1400]);
    expect(webp.map((entry) => entry.width)).toEqual([320, 640, 1024, 1400]);
    for (const entry of [...original, ...webp]) {
      const bytes = await stored(testConfig.storage, entry.key);
      if (!bytes) throw new Error(`${entry.key} was not stored`);
      const meta = await sharp(bytes).metadata();
      expect(meta.width).toBe(entry.width);
      expect(meta.format).toBe(entry.key.endsWith(".webp") ? "webp" : "jpeg");
      expect(meta.exif).toBeUndefined();
      expect(bytes.toString("latin1")).not.toContain("Jane Staffer");
    }
    // Shoppers get the same lists on cards and on the product page.
    const shopper = (await callerFor(shop.prisma)).caller;
    const product = await shop.prisma.product.findUniqueOrThrow({ where: { id: productId }, select: { slug: true } });
    const card = (await shopper.catalog.list({ q: "aurora" })).items[0]?.image;
    expect(card).toMatchObject({ url: image.url, srcSet: image.srcSet, webpSrcSet: image.webpSrcSet });
    expect((await shopper.catalog.get({ slug: product.slug })).images[0]).toMatchObject({ srcSet: image.srcSet });
  });

  it("deletes a removed image's files only after the removal commits, once, whoever runs the job", async () => {
    const image = await staff.admin.products.uploadImage(body(productId, await testPhoto(700, 700, "png")));
    const keys = srcsetEntries(image.srcSet)
      .concat(srcsetEntries(image.webpSrcSet))
      .map((entry) => entry.key);
    expect(keys).toHaveLength(6);
    const others = await shop.prisma.productImage.findMany({ where: { productId, id: { not: image.id } } });
    // A removal that rolls back queues nothing.
    await expect(
      shop.prisma.$transaction(async (tx) => {
        await tx.productImage.delete({ where: { id: image.id } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await shop.prisma.job.count({ where: { type: "media.delete" } })).toBe(0);

    await staff.admin.products.updateImages({
      productId,
      images: others.map((other) => ({ id: other.id, alt: other.alt })),
    });
    expect(await shop.prisma.job.count({ where: { type: "media.delete" } })).toBe(1);
    for (const key of keys) expect(await stored(testConfig.storage, key)).not.toBeNull();
    // Two workers at once (two instances): the job is done once, and then it is gone.
    const results = await Promise.all([
      deleteQueuedMedia(shop.prisma, testConfig.storage),
      deleteQueuedMedia(shop.prisma, testConfig.storage),
    ]);
    expect(results.map((result) => result.jobs).sort()).toEqual([0, 1]);
    for (const key of keys) expect(await stored(testConfig.storage, key)).toBeNull();
    expect(await shop.prisma.job.count({ where: { type: "media.delete" } })).toBe(0);
  });

  it("queues a replaced file too, and keeps a job whose storage fails, with its error, to retry later", async () => {
    const row = await shop.prisma.productImage.create({
      data: { productId, path: "products/x/old.png", width: 10, height: 10 },
    });
    await shop.prisma.productImage.update({ where: { id: row.id }, data: { alt: "only the alt text" } });
    expect(await shop.prisma.job.count({ where: { type: "media.delete" } })).toBe(0);
    await shop.prisma.productImage.update({ where: { id: row.id }, data: { path: "products/x/new.png" } });
    const queued = await shop.prisma.job.findFirstOrThrow({ where: { type: "media.delete" } });
    expect(queued.payload).toEqual({ images: [{ path: "products/x/old.png", width: 10, widths: [] }] });
    await shop.prisma.productImage.delete({ where: { id: row.id } });
    await shop.prisma.job.deleteMany({ where: { id: { not: queued.id } } });
    const broken: MediaStorage = {
      ...testConfig.storage,
      delete: () => Promise.reject(new Error("bucket unreachable")),
    };
    expect(await deleteQueuedMedia(shop.prisma, broken)).toMatchObject({ jobs: 0, failed: 1 });
    const job = await shop.prisma.job.findFirstOrThrow({ where: { type: "media.delete" } });
    expect(job).toMatchObject({ attempts: 1, maxAttempts: 20, lastError: "bucket unreachable", lockedAt: null });
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await deleteQueuedMedia(shop.prisma, testConfig.storage)).toMatchObject({ jobs: 0 });
    await shop.prisma.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    expect(await deleteQueuedMedia(shop.prisma, testConfig.storage)).toMatchObject({ jobs: 1, failed: 0 });
  });

  describe("with an S3-compatible bucket", () => {
    let s3: TestS3;
    beforeAll(async () => {
      s3 = await startTestS3();
    });
    afterAll(() => s3.stop());

    it("uploads into the bucket, and deleting the product removes its objects through the outbox", async () => {
      const storage = s3Storage(s3.settings);
      const caller = (await callerFor(shop.prisma, { userId: staffId, config: { storage } })).caller;
      const product = await shop.make.product({ name: "Bucket Lamp" });
      const image = await caller.admin.products.uploadImage(body(product.id, await testPhoto(500, 400, "jpeg")));
      const listed = async () => {
        const keys: string[] = [];
        for await (const object of storage.list(`products/${product.id}/`)) keys.push(object.key);
        return keys.sort();
      };
      const stem = keyOf(image.url).replace(/\.jpg$/, "");
      expect(await listed()).toEqual([`${stem}.jpg`, `${stem}.jpg.webp`, `${stem}.w320.jpg`, `${stem}.w320.webp`]);
      // Products are archived in the admin; deleting one (SQL, a future action) cascades to its images.
      await shop.prisma.product.delete({ where: { id: product.id } });
      expect(await listed()).toHaveLength(4);
      expect(await deleteQueuedMedia(shop.prisma, storage)).toMatchObject({ jobs: 1 });
      expect(await listed()).toEqual([]);
    });
  });
});
