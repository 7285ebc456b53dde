import { useTRPC } from "@shop/client";
import { Button, ErrorState, Skeleton, TableScroll, TextField, useToast } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { slugify } from "../lib/product-form.ts";
import { ConfirmButton } from "../components/confirm-button.tsx";

export function BrandsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const brands = useQuery(trpc.admin.brands.list.queryOptions());
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const options = (done: string) => ({
    onSuccess: () => {
      setError(null);
      toast(done);
      return queryClient.invalidateQueries({ queryKey: trpc.admin.brands.list.queryKey() });
    },
    onError: (e: { message: string }) => setError(e.message),
  });
  const create = useMutation(trpc.admin.brands.create.mutationOptions(options("Brand added.")));
  const update = useMutation(trpc.admin.brands.update.mutationOptions(options("Brand saved.")));
  const remove = useMutation(trpc.admin.brands.delete.mutationOptions(options("Brand deleted.")));
  if (brands.isError) return <ErrorState message={brands.error.message} onRetry={() => void brands.refetch()} />;
  return (
    <section aria-labelledby="brands-title" className="max-w-3xl">
      <h1 id="brands-title" className="mb-4 text-2xl font-bold">
        Brands
      </h1>
      {error && (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <form
        className="mb-6 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, slug: slugify(name) }, { onSuccess: () => setName("") });
        }}
      >
        <TextField label="New brand" value={name} onChange={(event) => setName(event.target.value)} />
        <Button type="submit" disabled={!name.trim()}>
          Add brand
        </Button>
      </form>
      {!brands.data ? (
        <Skeleton className="h-64" />
      ) : (
        <TableScroll label="Brands">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-muted">
              <tr>
                <th className="p-2">Brand</th>
                <th className="p-2">Slug</th>
                <th className="p-2 text-right">Products</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {brands.data.map((brand) => (
                <tr key={brand.id} className="border-t border-line">
                  <td className="p-2 font-medium">{brand.name}</td>
                  <td className="p-2 text-muted">{brand.slug}</td>
                  <td className="p-2 text-right tabular-nums">{brand.productCount}</td>
                  <td className="p-2 text-right">
                    <Button
                      variant="ghost"
                      onClick={() => {
                        const next = window.prompt("New name", brand.name);
                        if (next) update.mutate({ id: brand.id, name: next, slug: brand.slug });
                      }}
                    >
                      Rename
                    </Button>
                    <ConfirmButton
                      title={`Delete the brand ${brand.name}?`}
                      description="Products of this brand keep their data but lose the brand."
                      confirmLabel="Delete brand"
                      onConfirm={() => remove.mutate({ id: brand.id })}
                    >
                      Delete<span className="sr-only"> {brand.name}</span>
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
