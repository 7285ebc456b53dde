import { z } from "zod";
import { AppError } from "../errors.ts";

// Keyset pagination cursors: the sort key and id of the last row, base64url JSON. Opaque to
// clients, validated on the way back in.

const CursorValue = z.tuple([z.union([z.string(), z.number(), z.null()]), z.number().int()]);
export type CursorValue = z.infer<typeof CursorValue>;

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor(cursor: string | null | undefined): CursorValue | null {
  if (!cursor) return null;
  try {
    return CursorValue.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("BAD_INPUT", "Invalid page cursor");
  }
}
