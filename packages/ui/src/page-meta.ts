import { useEffect } from "react";

/**
 * Sets the document title and meta description of the current page (an SPA has one HTML file,
 * so each page states its own). Nothing changes while `title` is undefined (data still loading).
 */
export function usePageMeta(title: string | undefined, description?: string | null) {
  useEffect(() => {
    if (title === undefined) return;
    document.title = title;
    if (!description) return;
    let meta = document.querySelector('meta[name="description"]');
    if (!meta) {
      meta = document.createElement("meta");
      meta.setAttribute("name", "description");
      document.head.append(meta);
    }
    meta.setAttribute("content", description);
  }, [title, description]);
}
