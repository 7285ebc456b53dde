import { describe, expect, it } from "vitest";
import { imageFileProblem, moved } from "./image-files.ts";

describe("image files", () => {
  it("accepts the four image types up to 5 MB and says plainly why anything else is refused", () => {
    expect(imageFileProblem({ name: "a.png", type: "image/png", size: 1_000 })).toBeNull();
    expect(imageFileProblem({ name: "a.webp", type: "image/webp", size: 5 * 1024 * 1024 })).toBeNull();
    expect(imageFileProblem({ name: "spec.pdf", type: "application/pdf", size: 1_000 })).toBe(
      "“spec.pdf” is not an image the shop can show: choose a PNG, JPEG, GIF or WebP file.",
    );
    expect(imageFileProblem({ name: "huge.jpg", type: "image/jpeg", size: 7.5 * 1024 * 1024 })).toBe(
      "“huge.jpg” is 7.5 MB; images may be at most 5.0 MB. Export it smaller and try again.",
    );
  });

  it("moves an item, staying within the list", () => {
    expect(moved(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moved(["a", "b", "c"], 0, 5)).toEqual(["b", "c", "a"]);
  });
});
