import type { Database } from "@shop/db";
import { z } from "zod";

/** Luhn's checksum, which every payment card number satisfies. */
export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Runs of 13–19 digits (spaces or dashes allowed between them, as people type cards) that pass
 * Luhn and start like a card (2–6: Mastercard, Amex, Visa, Discover, UnionPay…). Millisecond
 * timestamps (13 digits starting with 1), the fractional digits of a float (a response time
 * of 3.6011999999973 ms) and the digits inside a UUID (`…a5-8551-4952-8561-13f0…`) are not cards,
 * though they pass Luhn one time in ten: a run must stand alone, not touch a letter, a digit, a
 * dot or another dash.
 */
export function cardNumbersIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w-])/g)) {
    const digits = match[0].replace(/[ -]/g, "");
    if (/^[2-6]/.test(digits) && luhn(digits)) found.push(match[0]);
  }
  return found;
}

/** Session and reset tokens: `<24 base32 chars>.<32 base32 chars>`. */
export function tokensIn(text: string): string[] {
  return [...text.matchAll(/[a-z2-7]{24}\.[a-z2-7]{32}/g)].map((match) => match[0]);
}

/**
 * Every value of every text-like column (text, varchar, char, json, arrays) of every table but
 * Prisma's migration log, whose names are 14-digit timestamps that can pass for a card.
 */
export async function databaseText(db: Database): Promise<Map<string, string>> {
  const columns = z.array(z.object({ table_name: z.string(), column_name: z.string() })).parse(
    await db.sql.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
    ),
  );
  const text = new Map<string, string>();
  for (const { table_name: table, column_name: column } of columns) {
    const rows = z
      .array(z.object({ value: z.string().nullable() }))
      .parse(await db.sql.query(`SELECT string_agg("${column}"::text, E'\\n') AS value FROM "${table}"`));
    text.set(`${table}.${column}`, rows[0]?.value ?? "");
  }
  return text;
}
