export { useFieldErrors, type FieldErrors } from "./form.ts";
export {
  ApiProvider,
  createClients,
  isClientError,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
  type ApiClients,
} from "./trpc.tsx";
