import { useEffect, useId, useState, type KeyboardEvent } from "react";

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The state and ARIA wiring of a combobox (ARIA 1.2 pattern), without its markup: the admin's
 * search, the storefront's search and every record picker look different and work alike. Arrow
 * keys move through the options, Enter picks the active one (or the only one, with `pickSingle`),
 * Escape closes. Options come from the caller, usually a query on the debounced `query`.
 */
export function useCombobox<Option>({
  initialText = "",
  debounceMs = 200,
  pickSingle = false,
  onPick,
}: {
  initialText?: string;
  debounceMs?: number;
  pickSingle?: boolean;
  onPick: (option: Option) => void;
}) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebounced(text.trim(), debounceMs);
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (option: Option) => {
    close();
    onPick(option);
  };
  const optionId = (index: number) => `${id}-option-${index}`;

  return {
    text,
    setText,
    query,
    open,
    active,
    close,
    listId: `${id}-list`,
    inputProps: (options: readonly Option[], expanded = open && options.length > 0) => ({
      id: `${id}-input`,
      role: "combobox" as const,
      "aria-expanded": expanded,
      "aria-controls": `${id}-list`,
      "aria-autocomplete": "list" as const,
      "aria-activedescendant": expanded && options[active] ? optionId(active) : undefined,
      autoComplete: "off",
      value: text,
      onChange: (event: { target: { value: string } }) => {
        setText(event.target.value);
        setOpen(true);
        setActive(-1);
      },
      onFocus: () => setOpen(true),
      // A click on an option lands before the list closes.
      onBlur: () => setTimeout(close, 150),
      onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          setOpen(true);
          const last = options.length - 1;
          setActive((current) => (event.key === "ArrowDown" ? Math.min(current + 1, last) : Math.max(current - 1, -1)));
        } else if (event.key === "Enter") {
          const chosen = options[active] ?? (pickSingle && options.length === 1 ? options[0] : undefined);
          if (chosen === undefined) return;
          event.preventDefault();
          pick(chosen);
        } else if (event.key === "Escape") {
          close();
        }
      },
    }),
    optionProps: (options: readonly Option[], index: number) => ({
      id: optionId(index),
      role: "option" as const,
      "aria-selected": index === active,
      onMouseDown: (event: { preventDefault: () => void }) => event.preventDefault(),
      onClick: () => {
        const option = options[index];
        if (option !== undefined) pick(option);
      },
    }),
  };
}
