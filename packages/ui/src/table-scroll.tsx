import type { ReactNode } from "react";

/**
 * The box a wide table scrolls in, so the page itself never scrolls sideways. It is a focusable,
 * named region: keyboard users scroll it with the arrow keys (WCAG 2.1.1).
 */
export function TableScroll({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`max-w-full overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
