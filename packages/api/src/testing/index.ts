export { signedEvent, startStripeDouble } from "./stripe-double.ts";
