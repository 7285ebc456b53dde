/** Average rating as five stars, with the number for screen readers and the review count. */
export function Stars({ average, count, size = "sm" }: { average: number; count?: number; size?: "sm" | "lg" }) {
  const filled = Math.round(average);
  return (
    <p className={`flex items-center gap-1 ${size === "lg" ? "text-lg" : "text-xs"} text-muted`}>
      <span aria-hidden="true" className="tracking-tight text-amber-500">
        {"★".repeat(filled)}
        <span className="text-line">{"★".repeat(5 - filled)}</span>
      </span>
      <span className="sr-only">Rated {average.toFixed(1)} out of 5</span>
      {count !== undefined && <span>({count})</span>}
    </p>
  );
}
