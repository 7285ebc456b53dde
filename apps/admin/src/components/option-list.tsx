import type { useCombobox } from "@shop/ui";

export type PickOption = { key: string; label: string; detail: string; image?: string | null };
type Combo<Option> = ReturnType<typeof useCombobox<Option>>;

/** The pop-up list of a combobox in the admin: the search box's results, a picker's matches. */
export function OptionList<Option extends PickOption>({
  combo,
  options,
  label,
  expanded,
  status,
}: {
  combo: Combo<Option>;
  options: readonly Option[];
  label: string;
  expanded: boolean;
  status: string;
}) {
  return (
    <div
      className={
        expanded
          ? "absolute left-0 z-40 mt-1 w-[min(24rem,90vw)] rounded-md border border-line bg-surface p-1 shadow-lg"
          : "hidden"
      }
    >
      <ul id={combo.listId} role="listbox" aria-label={label} className="max-h-96 overflow-auto">
        {options.map((option, index) => {
          const active = index === combo.active;
          return (
            <li
              key={option.key}
              {...combo.optionProps(options, index)}
              className={`flex cursor-pointer items-center gap-3 rounded px-3 py-2 text-sm ${active ? "bg-brand-600 text-white" : "hover:bg-subtle"}`}
            >
              {option.image !== undefined &&
                (option.image ? (
                  <img
                    src={option.image}
                    alt=""
                    width={32}
                    height={32}
                    className="size-8 rounded bg-subtle object-cover"
                  />
                ) : (
                  <span aria-hidden="true" className="size-8 rounded bg-subtle" />
                ))}
              <span>
                <span className="block font-medium">{option.label}</span>
                <span className={`block text-xs ${active ? "text-white" : "text-muted"}`}>{option.detail}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <p role="status" className="px-3 py-2 text-xs text-muted">
        {status}
      </p>
    </div>
  );
}
