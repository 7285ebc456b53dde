// Checks JSON-LD against Google Search Central's documented properties for the rich results the
// storefront aims at: product snippets (Product with Offer/AggregateOffer, AggregateRating,
// Review), breadcrumbs (BreadcrumbList) and the site's WebSite/Organization. A missing required
// property is an error (no rich result); a missing recommended one is a warning.

type Report = { errors: string[]; warnings: string[] };
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const text = (value: unknown) => typeof value === "string" && value.trim().length > 0;
const url = (value: unknown) => typeof value === "string" && /^https?:\/\/[^\s]+$/.test(value);
/** Google: digits with "." as the decimal separator, no currency symbol or thousands separator. */
const price = (value: unknown) =>
  (typeof value === "number" && value >= 0) || (typeof value === "string" && /^\d+(\.\d+)?$/.test(value));
const currency = (value: unknown) => typeof value === "string" && /^[A-Z]{3}$/.test(value);
const AVAILABILITY =
  /^https:\/\/schema\.org\/(BackOrder|Discontinued|InStock|InStoreOnly|LimitedAvailability|MadeToOrder|OnlineOnly|OutOfStock|PreOrder|PreSale|SoldOut)$/;

function offer(node: Json, at: string, report: Report) {
  if (node["@type"] === "AggregateOffer") {
    if (!price(node.lowPrice)) report.errors.push(`${at}.lowPrice is required (a number)`);
    if (!currency(node.priceCurrency)) report.errors.push(`${at}.priceCurrency is required (ISO 4217)`);
    if (!price(node.highPrice)) report.warnings.push(`${at}.highPrice is recommended`);
    if (typeof node.offerCount !== "number") report.warnings.push(`${at}.offerCount is recommended`);
    list(node.offers).forEach((one, i) => (isObject(one) ? offer(one, `${at}.offers[${i}]`, report) : null));
    return;
  }
  if (node["@type"] !== "Offer") return report.errors.push(`${at} must be an Offer or AggregateOffer`);
  const spec = isObject(node.priceSpecification) ? node.priceSpecification : {};
  if (!price(node.price) && !price(spec.price)) report.errors.push(`${at}.price is required (a number)`);
  if (!currency(node.priceCurrency ?? spec.priceCurrency))
    report.errors.push(`${at}.priceCurrency is required (ISO 4217)`);
  if (typeof node.availability !== "string" || !AVAILABILITY.test(node.availability))
    report.warnings.push(`${at}.availability is recommended (a schema.org ItemAvailability URL)`);
}

function rating(node: Json, at: string, report: Report, aggregate: boolean) {
  const value = Number(node.ratingValue);
  if (node.ratingValue === undefined || Number.isNaN(value)) report.errors.push(`${at}.ratingValue is required`);
  const best = node.bestRating === undefined ? 5 : Number(node.bestRating);
  const worst = node.worstRating === undefined ? 1 : Number(node.worstRating);
  if (value > best || value < worst) report.errors.push(`${at}.ratingValue ${value} is outside ${worst}–${best}`);
  if (aggregate && typeof node.reviewCount !== "number" && typeof node.ratingCount !== "number")
    report.errors.push(`${at} needs reviewCount or ratingCount`);
  if (node.bestRating === undefined) report.warnings.push(`${at}.bestRating is recommended`);
  if (node.worstRating === undefined) report.warnings.push(`${at}.worstRating is recommended`);
}

function review(node: Json, at: string, report: Report) {
  const author = list(node.author)[0];
  if (!isObject(author) || !text(author.name)) report.errors.push(`${at}.author.name is required`);
  else if (String(author.name).length >= 100) report.errors.push(`${at}.author.name must be under 100 characters`);
  if (isObject(author) && author["@type"] !== "Person" && author["@type"] !== "Organization")
    report.errors.push(`${at}.author must be a Person or an Organization`);
  if (!isObject(node.reviewRating)) report.errors.push(`${at}.reviewRating is required`);
  else rating(node.reviewRating, `${at}.reviewRating`, report, false);
  if (!text(node.datePublished)) report.warnings.push(`${at}.datePublished is recommended`);
}

function product(node: Json, report: Report) {
  if (!text(node.name)) report.errors.push("Product.name is required");
  if (node.offers === undefined && node.review === undefined && node.aggregateRating === undefined)
    report.errors.push("Product needs one of offers, review or aggregateRating");
  for (const key of ["offers", "aggregateRating", "review", "image", "description", "brand", "sku"])
    if (node[key] === undefined) report.warnings.push(`Product.${key} is recommended`);
  list(node.image).forEach((image, i) =>
    !url(image) ? report.errors.push(`Product.image[${i}] must be a URL`) : null,
  );
  list(node.offers).forEach((one, i) => (isObject(one) ? offer(one, `Product.offers[${i}]`, report) : null));
  if (isObject(node.aggregateRating)) rating(node.aggregateRating, "Product.aggregateRating", report, true);
  list(node.review).forEach((one, i) => (isObject(one) ? review(one, `Product.review[${i}]`, report) : null));
  if (isObject(node.brand) && !text(node.brand.name)) report.errors.push("Product.brand.name is required");
}

function breadcrumbs(node: Json, report: Report) {
  const items = list(node.itemListElement);
  if (items.length < 2) report.errors.push("BreadcrumbList needs at least two ListItems");
  items.forEach((item, i) => {
    if (!isObject(item) || item["@type"] !== "ListItem")
      return report.errors.push(`itemListElement[${i}] must be a ListItem`);
    if (item.position !== i + 1) report.errors.push(`itemListElement[${i}].position must be ${i + 1}`);
    if (!text(item.name)) report.errors.push(`itemListElement[${i}].name is required`);
    if (i < items.length - 1 && !url(item.item)) report.errors.push(`itemListElement[${i}].item must be a URL`);
  });
}

function website(node: Json, report: Report) {
  if (!url(node.url)) report.errors.push("WebSite.url is required");
  const action = isObject(node.potentialAction) ? node.potentialAction : null;
  if (!action) return report.errors.push("WebSite.potentialAction (SearchAction) is required");
  const target = isObject(action.target) ? action.target.urlTemplate : action.target;
  if (typeof target !== "string" || !target.includes("{search_term_string}"))
    report.errors.push("SearchAction.target must be a URL template with {search_term_string}");
  if (action["query-input"] !== "required name=search_term_string")
    report.errors.push('SearchAction."query-input" must be "required name=search_term_string"');
}

/** Validates the JSON-LD blocks of one page. */
export function validateRichResults(blocks: unknown[]): Report {
  const report: Report = { errors: [], warnings: [] };
  for (const block of blocks) {
    if (!isObject(block)) {
      report.errors.push("a JSON-LD block is not an object");
      continue;
    }
    if (block["@context"] !== "https://schema.org")
      report.errors.push(`${String(block["@type"])}: @context must be https://schema.org`);
    if (block["@type"] === "Product") product(block, report);
    else if (block["@type"] === "BreadcrumbList") breadcrumbs(block, report);
    else if (block["@type"] === "WebSite") website(block, report);
    else if (block["@type"] === "Organization") {
      if (!url(block.url)) report.errors.push("Organization.url is required");
      if (!url(block.logo)) report.warnings.push("Organization.logo is recommended");
    } else report.errors.push(`unexpected @type ${String(block["@type"])}`);
  }
  return report;
}

/** The JSON-LD blocks of an HTML page. */
export function jsonLdOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((match) =>
    JSON.parse(match[1] ?? "null"),
  );
}
