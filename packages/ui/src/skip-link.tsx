/**
 * The first stop for keyboard users: jumps past the header to the element with `targetId`,
 * which must accept focus (tabIndex -1). Focus moves itself, not just the scroll position, so the
 * next Tab continues from the content.
 */
export function SkipLink({ targetId = "main" }: { targetId?: string }) {
  return (
    <a
      href={`#${targetId}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
      className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2 focus:shadow-lg"
    >
      Skip to content
    </a>
  );
}
