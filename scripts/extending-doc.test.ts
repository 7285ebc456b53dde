import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// docs/extending.md quotes real code: each snippet's first line names its file, and its lines (up
// to a `// …` line, which stands for code left out) must appear in that file, one after another.
// Indentation is ignored, so a snippet may quote a member out of its object.

const root = join(import.meta.dirname, "..");
const doc = readFileSync(join(root, "docs/extending.md"), "utf8");
const snippets = [...doc.matchAll(/```tsx?\n\/\/ (\S+)\n([\s\S]*?)```/g)].map((match) => ({
  file: match[1] ?? "",
  body: match[2] ?? "",
}));

const lines = (text: string) => text.split("\n").map((line) => line.trim());

function contains(file: string[], part: string[]): boolean {
  return file.some((_, start) => part.every((line, offset) => file[start + offset] === line));
}

describe("docs/extending.md", () => {
  it("quotes code", () => {
    expect(snippets.length).toBeGreaterThan(5);
  });

  for (const { file, body } of snippets) {
    it(`quotes ${file} as it is`, () => {
      expect(existsSync(join(root, file)), file).toBe(true);
      const source = lines(readFileSync(join(root, file), "utf8"));
      const parts = body.split(/^\s*\/\/ …\s*$/m).map((part) => lines(part.trim()));
      for (const part of parts) expect(contains(source, part), `${file}:\n${part.join("\n")}`).toBe(true);
    });
  }
});
