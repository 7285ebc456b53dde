export { useFieldErrors, type FieldErrors } from "./form.ts";
export { ApiProvider, isClientError, TRPCProvider, useTRPC, useTRPCClient } from "./trpc.tsx";
