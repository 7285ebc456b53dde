import { createServer } from "node:http";
import { parseWebhookEvent, verifySignature } from "@shop/webhooks";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openPage } from "./support/browser.ts";

/** A third party's receiver on loopback: verifies each request with the secret the admin showed. */
async function startReceiver() {
  const events: Array<{ id: string; type: string }> = [];
  const refused: string[] = [];
  const state = { secret: "", events, refused };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = req.headers["shop-signature"];
      const check = verifySignature({ body, header: typeof header === "string" ? header : null, secret: state.secret });
      if (!check.ok) {
        state.refused.push(check.reason);
        res.writeHead(400).end(check.reason);
        return;
      }
      const event = parseWebhookEvent(body);
      state.events.push({ id: event.id, type: event.type });
      res.writeHead(200).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { state, url: `http://127.0.0.1:${port}/hooks`, close: () => server.close() };
}

/** Waits for the server's worker (every 2 s) without a fixed sleep. */
async function until(check: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a webhook");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function signIn(page: Page) {
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("admin-demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
}

describe("admin webhooks", () => {
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    receiver?.close();
    await browser?.close();
  });

  it("registers an endpoint, shows its secret once, lists a signed delivery and redelivers it", async () => {
    const { page, context, errors } = await openPage(browser, "/admin/webhooks");
    await page.waitForURL(/\/admin\/sign-in$/);
    await signIn(page);
    await page.waitForURL(/\/admin\/webhooks$/);
    await page.getByLabel("URL").fill(receiver.url);
    await page.getByLabel("Description (optional)").fill("ERP");
    await page.getByLabel("product.created").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    receiver.state.secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
    expect(receiver.state.secret).toMatch(/^whsec_/);
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.getByRole("link", { name: receiver.url }).waitFor();

    // A product created by a CSV import: the event is written in the import's transaction.
    await page.goto("/admin/products/import");
    const header =
      "product_slug,product_name,status,brand,category,featured,description,seo_title,seo_description,option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,sku,price,compare_at_price,stock";
    const csv = [header, "hook-lamp,Hook Lamp,active,,,,,,,,,,,,,HOOK-1,12.00,,3"].join("\n");
    await page
      .getByLabel(/Import a CSV file/)
      .setInputFiles({ name: "products.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByText(/1 products created/).waitFor();
    await until(() => receiver.state.events.length === 1);
    expect(receiver.state.events[0]?.type).toBe("product.created");

    await page.goto("/admin/webhooks");
    await page.getByRole("link", { name: receiver.url }).click();
    await page.waitForURL(/\/admin\/webhooks\/\d+$/);
    const redeliver = page.getByRole("button", { name: `Redeliver product.created ${receiver.state.events[0]?.id}` });
    await redeliver.waitFor();
    await page.getByText("HTTP 200").first().waitFor();
    await redeliver.click();
    await until(() => receiver.state.events.length === 2);
    expect(receiver.state.events[1]).toEqual(receiver.state.events[0]);
    expect(receiver.state.refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
