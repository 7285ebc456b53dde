import type { Page } from "playwright-core";

export const widths = [360, 768, 1280] as const;

export type LayoutProblems = {
  overflow: number | null;
  overlaps: string[];
  scrollingTables: string[];
  images: string[];
};

/**
 * What is wrong with the layout at the current width: how far the page scrolls sideways, pairs
 * of visible controls drawn over each other, table regions that need to scroll, and images that
 * lack a size (their box would jump when they load) or load eagerly far below the fold.
 */
export async function layoutProblems(page: Page): Promise<LayoutProblems> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const overflow = root.scrollWidth > window.innerWidth ? root.scrollWidth - window.innerWidth : null;
    const describe = (el: Element) => {
      const label =
        el.getAttribute("aria-label") ??
        (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null) ??
        el.textContent ??
        "";
      return `${el.tagName.toLowerCase()} "${label.trim().slice(0, 40)}"`;
    };
    // Controls in the open modal, if there is one; the page behind it is inert.
    const scope = document.querySelector("dialog[open]") ?? document.body;
    const controls = [...scope.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea")].filter(
      (el) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return (
          rect.width > 1 &&
          rect.height > 1 &&
          style.visibility !== "hidden" &&
          el.closest("[inert]") === null &&
          (scope !== document.body || el.closest("dialog") === null)
        );
      },
    );
    // The part of a control that is drawn: a row scrolled out of its table's scroll box is not.
    const visibleRect = (el: Element) => {
      let rect = el.getBoundingClientRect();
      for (let box = el.parentElement; box; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX === "visible" && style.overflowY === "visible") continue;
        const clip = box.getBoundingClientRect();
        const left = Math.max(rect.left, clip.left);
        const top = Math.max(rect.top, clip.top);
        const right = Math.max(left, Math.min(rect.right, clip.right));
        const bottom = Math.max(top, Math.min(rect.bottom, clip.bottom));
        rect = new DOMRect(left, top, right - left, bottom - top);
      }
      return rect;
    };
    const rects = controls.map(visibleRect);
    const overlaps: string[] = [];
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const a = rects[i];
        const b = rects[j];
        const first = controls[i];
        const second = controls[j];
        if (!a || !b || !first || !second || first.contains(second) || second.contains(first)) continue;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 2 && y > 2) overlaps.push(`${describe(first)} overlaps ${describe(second)}`);
      }
    }
    const scrollingTables = [...document.querySelectorAll("[role=region]")]
      .filter((el) => el.querySelector("table") && el.scrollWidth > el.clientWidth)
      .map(describe);
    const fold = window.innerHeight * 1.5 + window.scrollY;
    const images = [...document.images].flatMap((img) => {
      const src = img.getAttribute("src") ?? "";
      const problems = [];
      if (!img.getAttribute("width") || !img.getAttribute("height")) problems.push(`${src} has no width/height`);
      if (img.getBoundingClientRect().top + window.scrollY > fold && img.loading !== "lazy")
        problems.push(`${src} is below the fold but not lazy`);
      return problems;
    });
    return { overflow, overlaps, scrollingTables, images };
  });
}
