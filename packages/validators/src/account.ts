import { OutboxStatus, Role } from "@shop/db/enums";
import { z } from "zod";
import { addressProblems, knownAddressRules, matchRegion } from "./address/index.ts";
import { CountryCodeSchema, IdSchema, paginationFields } from "./common.ts";

export const OutboxStatusSchema = z.enum(OutboxStatus);

/** Trimmed and lower-cased, so addresses compare case-insensitively everywhere. */
export const EmailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address")
  .max(254, "Email address is too long")
  .pipe(z.email("Enter a valid email address"))
  .transform((email) => email.toLowerCase());

/**
 * Length is the only composition rule (NIST SP 800-63B): 12 to 128 characters of anything,
 * Unicode included. The server also refuses the most common passwords.
 */
export const PasswordSchema = z.string().min(12, "Use at least 12 characters").max(128, "Use at most 128 characters");

export const NameSchema = z.string().trim().min(1, "Enter your name").max(100, "At most 100 characters");

/** Sign-in does not re-check password rules: older accounts may predate them. */
const ExistingPasswordSchema = z.string().min(1, "Enter your password").max(1024);

/**
 * How a new session reaches the client. Browsers leave it at "cookie": the token travels only in
 * the HttpOnly `shop_session` cookie. API clients send "bearer" and get the token in the answer,
 * to send as `Authorization: Bearer <token>` (no cookie is set for them).
 */
export const SessionDeliverySchema = z.enum(["cookie", "bearer"]).default("cookie");
export type SessionDelivery = z.output<typeof SessionDeliverySchema>;

export const SignInSchema = z.object({ email: EmailSchema, password: ExistingPasswordSchema }).strict();
export type SignInInput = z.input<typeof SignInSchema>;

export const RegisterSchema = z.object({ name: NameSchema, email: EmailSchema, password: PasswordSchema }).strict();
export type RegisterInput = z.input<typeof RegisterSchema>;

export const RequestPasswordResetSchema = z.object({ email: EmailSchema }).strict();

export const ResetPasswordSchema = z
  .object({ token: z.string().min(1, "This reset link is incomplete").max(200), password: PasswordSchema })
  .strict();

/** The emailed link that finishes a sign-up. */
export const ConfirmSignUpSchema = z
  .object({ token: z.string().min(1, "This link is incomplete").max(200), session: SessionDeliverySchema })
  .strict();

export const ChangePasswordSchema = z
  .object({ currentPassword: ExistingPasswordSchema, newPassword: PasswordSchema })
  .strict();

export const ChangeEmailSchema = z.object({ email: EmailSchema, password: ExistingPasswordSchema }).strict();

export const UpdateProfileSchema = z.object({ name: NameSchema }).strict();

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullish();

/**
 * An address; what its country requires (a ZIP code in the US, a prefecture in Japan, none in
 * Hong Kong), its postal code pattern and its regions come from the country's rules when this
 * process knows them (see address/registry.ts). Every problem is reported at once.
 */
export const AddressSchema = z
  .object({
    fullName: NameSchema,
    company: optionalText(100),
    line1: z.string().trim().min(1, "Enter the street address").max(200, "At most 200 characters"),
    line2: optionalText(200),
    city: z.string().trim().max(100, "At most 100 characters"),
    region: optionalText(100),
    postalCode: z.string().trim().max(20, "At most 20 characters"),
    country: CountryCodeSchema,
    phone: optionalText(30),
  })
  .strict()
  .superRefine(
    (address, ctx) => {
      const rules = knownAddressRules(String(address.country));
      if (rules === null)
        ctx.addIssue({ code: "custom", path: ["country"], message: "Choose a country from the list" });
      if (!rules) return;
      for (const problem of addressProblems(rules, address))
        ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform((address) => {
    const rules = knownAddressRules(address.country);
    const region = rules && address.region ? (matchRegion(rules, address.region) ?? address.region) : address.region;
    return { ...address, region, postalCode: address.postalCode.toUpperCase() };
  });
export type AddressInput = z.input<typeof AddressSchema>;

export const AddressUpdateSchema = z.object({ id: IdSchema, address: AddressSchema }).strict();

export const SetDefaultAddressSchema = z
  .object({ id: IdSchema, kind: z.enum(["shipping", "billing", "both"]) })
  .strict();

export const RoleSchema = z.enum(Role);

export const AdminCustomerListSchema = z
  .object({
    search: z.string().trim().max(200).optional(),
    role: RoleSchema.optional(),
    status: z.enum(["active", "disabled"]).optional(),
    ...paginationFields(50),
  })
  .strict();

export const SetUserDisabledSchema = z.object({ userId: IdSchema, disabled: z.boolean() }).strict();
export const SetUserRoleSchema = z.object({ userId: IdSchema, role: RoleSchema }).strict();
export const ForcePasswordResetSchema = z.object({ userId: IdSchema }).strict();

export const MailboxListSchema = z
  .object({
    to: z.string().trim().max(254).optional(),
    status: OutboxStatusSchema.optional(),
    ...paginationFields(50),
  })
  .strict();

export const ByIdSchema = z.object({ id: IdSchema }).strict();
export const SessionIdSchema = z.object({ id: z.string().min(1).max(64) }).strict();
