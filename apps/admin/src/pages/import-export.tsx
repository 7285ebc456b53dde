import type { RouterOutputs } from "@shop/api";
import { plainErrorMessage, useTRPC, useTRPCClient } from "@shop/client";
import { Button } from "@shop/ui";
import { csvColumnIndex, parseCsv, validateCsvRow, type CsvRowError } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { CsvErrors } from "../components/csv-errors.tsx";

type ImportResult = RouterOutputs["admin"]["products"]["importCsv"];
const CHUNK = 500;
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * CSV export and import. The file is checked here first, row by row in chunks so the page
 * stays responsive and shows progress; the server checks again (brands, categories, SKUs)
 * and writes all rows in one transaction, or nothing.
 */
export function ImportExportPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [progress, setProgress] = useState<{ label: string; done: number; total: number } | null>(null);
  const [errors, setErrors] = useState<CsvRowError[]>([]);
  const [result, setResult] = useState<ImportResult | null>(null);
  const importCsv = useMutation(trpc.admin.products.importCsv.mutationOptions());

  const exportCsv = async () => {
    const file = await client.admin.products.exportCsv.query();
    const url = URL.createObjectURL(new Blob([file.csv], { type: "text/csv" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: "products.csv" });
    link.click();
    URL.revokeObjectURL(url);
  };

  const onFile = async (file: File) => {
    setErrors([]);
    setResult(null);
    const text = await file.text();
    const [header = [], ...rows] = parseCsv(text);
    const { index, errors: headerErrors } = csvColumnIndex(header);
    const found = [...headerErrors];
    for (let start = 0; start < rows.length && headerErrors.length === 0; start += CHUNK) {
      setProgress({ label: "Checking rows", done: start, total: rows.length });
      rows
        .slice(start, start + CHUNK)
        .forEach((cells, i) => found.push(...validateCsvRow(cells, index, start + i + 2).errors));
      await nextFrame();
    }
    if (found.length) {
      setProgress(null);
      return setErrors(found);
    }
    setProgress({ label: "Importing (all rows in one transaction)", done: rows.length, total: rows.length });
    importCsv.mutate(
      { csv: text },
      {
        onSuccess: (response) => {
          setResult(response);
          if (!response.ok) setErrors(response.errors);
        },
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <section aria-labelledby="csv-title" className="flex max-w-4xl flex-col gap-6">
      <h1 id="csv-title" className="text-2xl font-bold">
        Import and export products
      </h1>
      <div>
        <Button variant="secondary" onClick={() => void exportCsv()}>
          Export all products (CSV)
        </Button>
      </div>
      <label className="text-sm font-medium">
        Import a CSV file (one row per variant, same columns as the export)
        <input
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block"
          disabled={progress !== null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void onFile(file);
          }}
        />
      </label>
      {progress && (
        <div role="status">
          <p className="text-sm">
            {progress.label}… {progress.done} of {progress.total} rows
          </p>
          <progress className="w-full" value={progress.done} max={progress.total} />
        </div>
      )}
      {importCsv.isError && (
        <p role="alert" className="text-sm text-red-700">
          {plainErrorMessage(importCsv.error)} Nothing was imported.
        </p>
      )}
      {result?.ok && (
        <p role="status" className="text-sm text-green-700">
          Imported {result.rows} rows: {result.created} products created, {result.updated} updated.
        </p>
      )}
      <CsvErrors errors={errors} />
    </section>
  );
}
