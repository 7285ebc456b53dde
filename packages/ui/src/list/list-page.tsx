import { useId, type ReactNode } from "react";

/** A list screen's frame: its heading, actions beside it (New…, Import…), then filters and rows. */
export function ListPage({
  title,
  actions,
  className = "",
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={className}>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 id={id} className="text-2xl font-bold">
          {title}
        </h1>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
