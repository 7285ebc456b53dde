export { startPaypalDouble } from "./paypal-double.ts";
export { signedEvent, startStripeDouble } from "./stripe-double.ts";
