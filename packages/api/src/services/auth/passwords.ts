import { isCommonPassword } from "@shop/auth";
import {
  ChangePasswordSchema,
  PasswordSchema,
  RegisterSchema,
  ResetPasswordSchema,
  SessionDeliverySchema,
} from "@shop/validators";

// The shared schemas run in browsers too; the common-password list (100 kB) only runs here,
// as a refinement that reports on the password field like any other rule.
export const NewPasswordSchema = PasswordSchema.refine((password) => !isCommonPassword(password), {
  message: "This password is too common. Choose one that is harder to guess.",
});

export const RegisterInput = RegisterSchema.extend({ password: NewPasswordSchema }).strict();
export const ResetPasswordInput = ResetPasswordSchema.extend({
  password: NewPasswordSchema,
  session: SessionDeliverySchema,
}).strict();
export const ChangePasswordInput = ChangePasswordSchema.extend({ newPassword: NewPasswordSchema }).strict();
