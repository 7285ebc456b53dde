export { AddressLines, useAddressFormat, useCountries } from "./address.tsx";
export { useFieldErrors, type FieldErrors } from "./form.ts";
export { postBinary } from "./upload.ts";
export { errorsUnder, plainErrorMessage } from "@shop/validators/form-errors";
export {
  ApiProvider,
  createClients,
  isClientError,
  TRPCProvider,
  useTRPC,
  useTRPCClient,
  type ApiClients,
} from "./trpc.tsx";
export {
  eventWords,
  fulfillmentLabels,
  fulfillmentTones,
  orderHeadline,
  paymentLabels,
  paymentTones,
  returnLabels,
  shipmentLabels,
  stateLabels,
  type FulfillmentStatus,
  type OrderState,
  type PaymentStatus,
  type ReturnStatus,
  type ShipmentStatus,
  type Tone,
} from "./order-status.ts";
