import { formatAddress, rememberAddressRules, type PrintableAddress } from "@shop/validators/address";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc.tsx";

/** Every country, by name; the list never changes while the page is open. */
export function useCountries() {
  const trpc = useTRPC();
  return useQuery(trpc.checkout.countries.queryOptions(undefined, { staleTime: Infinity, gcTime: Infinity }));
}

/**
 * A country's address rules from the API (the server reads them from the address library). Once
 * here, `AddressSchema` checks addresses in that country in this browser exactly as the API does.
 */
export function useAddressFormat(country: string) {
  const trpc = useTRPC();
  const code = country.trim().toUpperCase();
  const query = useQuery(
    trpc.checkout.addressFormat.queryOptions(
      { country: code },
      { enabled: /^[A-Z]{2}$/.test(code), staleTime: Infinity, gcTime: Infinity },
    ),
  );
  if (query.data) rememberAddressRules(query.data);
  return query;
}

/** An address printed as its country writes it (see formatAddress), one line per row. */
export function AddressLines({ address, className }: { address: PrintableAddress; className?: string }) {
  const rules = useAddressFormat(address.country).data;
  return (
    <span className={className} data-testid="address-lines">
      {formatAddress(address, rules).map((line, index) => (
        <span key={index} className="block">
          {line}
        </span>
      ))}
    </span>
  );
}
