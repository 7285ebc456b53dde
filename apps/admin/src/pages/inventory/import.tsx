import type { RouterOutputs } from "@shop/api";
import { plainErrorMessage, useTRPC } from "@shop/client";
import { validateStockCsv, type CsvRowError } from "@shop/validators";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { CsvErrors } from "../../components/csv-errors.tsx";

type ImportResult = RouterOutputs["admin"]["inventory"]["importCsv"];

/**
 * Bulk stock update: the file is checked here with the server's own row rules (cells, repeated
 * SKUs), then on the server against the catalog and the reserved units; all rows are applied
 * in one transaction, or none.
 */
export function StockImportPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<{ list: CsvRowError[]; total: number }>({ list: [], total: 0 });
  const [result, setResult] = useState<ImportResult | null>(null);
  const importCsv = useMutation(
    trpc.admin.inventory.importCsv.mutationOptions({
      onSuccess: async (response) => {
        setResult(response);
        if (!response.ok) setErrors({ list: response.errors, total: response.errorCount });
        else await queryClient.invalidateQueries({ queryKey: trpc.admin.inventory.pathKey() });
      },
    }),
  );

  const onFile = async (file: File) => {
    setErrors({ list: [], total: 0 });
    setResult(null);
    const text = await file.text();
    const local = validateStockCsv(text);
    if (local.errors.length > 0) return setErrors({ list: local.errors, total: local.errors.length });
    importCsv.mutate({ csv: text });
  };

  return (
    <section aria-labelledby="stock-csv-title" className="flex max-w-4xl flex-col gap-6">
      <div>
        <Link to="/inventory" className="text-sm text-brand-700 underline">
          ← Inventory
        </Link>
        <h1 id="stock-csv-title" className="mt-2 text-2xl font-bold">
          Bulk stock update
        </h1>
      </div>
      <div className="text-sm">
        <p>A CSV file with a header row and these columns:</p>
        <ul className="ml-5 list-disc">
          <li>
            <code>sku</code>: the variant
          </li>
          <li>
            <code>quantity</code>: the count on hand, or <code>delta</code>: units to add (<code>12</code>) or remove (
            <code>-3</code>); one of the two per row
          </li>
          <li>
            <code>note</code> (optional): kept in each variant's history
          </li>
        </ul>
      </div>
      <label className="text-sm font-medium">
        CSV file
        <input
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block"
          disabled={importCsv.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void onFile(file);
          }}
        />
      </label>
      {importCsv.isPending && (
        <p role="status" className="text-sm">
          Updating stock (all rows in one transaction)…
        </p>
      )}
      {importCsv.isError && (
        <p role="alert" className="text-sm text-red-700">
          {plainErrorMessage(importCsv.error)} Nothing was changed.
        </p>
      )}
      {result?.ok && (
        <p role="status" className="text-sm text-green-700">
          Updated {result.changed} of {result.rows} variants.
        </p>
      )}
      <CsvErrors errors={errors.list} total={errors.total} />
    </section>
  );
}
