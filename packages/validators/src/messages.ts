import { z } from "zod";

type Issue = z.core.$ZodRawIssue;

const count = (n: number | bigint, one: string, other: string) => `${n} ${n === 1 || n === 1n ? one : other}`;

/**
 * Zod's own messages ("Too big: expected number to be <=12") are written for developers. Every
 * schema without a message of its own gets one of these, on the server and in the browser alike,
 * so no person ever reads an internal code.
 */
export function plainIssueMessage(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "") return "Fill this in";
      if (issue.expected === "number" || issue.expected === "int") return "Enter a number";
      return "This value is not valid";
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? "Fill this in"
          : `Use at least ${count(issue.minimum, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at least ${count(issue.minimum, "item", "items")}`;
      if (issue.origin === "date") return "Choose a later date";
      return issue.inclusive === false ? `Enter a number above ${issue.minimum}` : `Enter ${issue.minimum} or more`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${count(issue.maximum, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at most ${count(issue.maximum, "item", "items")}`;
      if (issue.origin === "date") return "Choose an earlier date";
      return issue.inclusive === false ? `Enter a number below ${issue.maximum}` : `Enter ${issue.maximum} or less`;
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address";
      if (issue.format === "url") return "Enter a full web address (https://…)";
      return "This is not in the expected format";
    case "not_multiple_of":
      return `Enter a multiple of ${issue.divisor}`;
    case "invalid_value":
      return "Choose one of the options";
    case "unrecognized_keys":
      return "The form sent something unexpected. Reload the page and try again.";
    default:
      return "This value is not valid";
  }
}

z.config({ customError: plainIssueMessage });
