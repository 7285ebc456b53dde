export { Button } from "./button.tsx";
export { TextField } from "./field.tsx";
export { TextAreaField } from "./text-area.tsx";
export { formatMoney } from "./money.ts";
export { EmptyState, ErrorState, Skeleton } from "./states.tsx";
export { PriceRange } from "./price.tsx";
export { FormMessage } from "./form-alert.tsx";
export { TableScroll } from "./table-scroll.tsx";
export { Drawer } from "./drawer.tsx";
