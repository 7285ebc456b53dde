import type { CsvRowError } from "@shop/validators";

/** The problems of a rejected CSV file, by line and column; nothing was written. */
export function CsvErrors({ errors, total = errors.length }: { errors: readonly CsvRowError[]; total?: number }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert">
      <p className="mb-2 text-sm font-medium text-red-800">
        Nothing was imported. Fix these {total} problems and try again:
      </p>
      <table className="w-full text-left text-sm" data-testid="csv-errors">
        <thead className="text-xs uppercase text-muted">
          <tr>
            <th className="p-2">Line</th>
            <th className="p-2">Column</th>
            <th className="p-2">Problem</th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, 500).map((error, i) => (
            <tr key={i} className="border-t border-line">
              <td className="p-2 tabular-nums">{error.row}</td>
              <td className="p-2">{error.column}</td>
              <td className="p-2">{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
