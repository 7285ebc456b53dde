import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, Link as RouterLink, StaticRouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { ServerLink } from "./link.tsx";

// Each `to` the shop writes, and the unusual ones the fast path must hand to React Router.
const TARGETS = [
  "/",
  "/p/apple-airpods-8-free",
  "/c/audio?page=2&sort=price_asc",
  "/p/x#reviews",
  "/sign-in?next=%2Fp%2Fx%23reviews",
  "/search?q=wireless%20earbuds&brand=sony",
  "/c/audio/",
  "/search?q=a b",
  "/a//b",
  "/a/./b",
  "/a/../b",
  "/a/..",
  "/a?",
  "/a#",
  "/a?#x",
  "relative",
  "../up",
  "?page=2",
  "#top",
];

/** `link` rendered on a page at /c/audio/earbuds, as the server renders pages. */
async function render(link: ReturnType<typeof createElement>) {
  const handler = createStaticHandler([{ path: "/c/:slug/*", Component: () => link }]);
  const context = await handler.query(new Request("https://shop.example/c/audio/earbuds?page=3"));
  if (context instanceof Response) throw new Error("unexpected redirect");
  return renderToString(
    createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context),
      context,
      hydrate: false,
    }),
  );
}

describe("the server's Link", () => {
  it("renders exactly React Router's anchor for every kind of target", async () => {
    for (const to of TARGETS) {
      for (const extra of [
        {},
        { className: "underline", "aria-current": "page" as const },
        { discover: "none" as const },
      ]) {
        const props = { to, ...extra, onClick: () => undefined, children: "Go" };
        expect(await render(createElement(ServerLink, props)), to).toBe(await render(createElement(RouterLink, props)));
      }
    }
  });

  it("writes the anchor itself for a plain path (the case it exists for)", async () => {
    expect(await render(createElement(ServerLink, { to: "/p/x?y=1#z", children: "X" }))).toBe(
      '<a href="/p/x?y=1#z" data-discover="true">X</a>',
    );
  });
});
