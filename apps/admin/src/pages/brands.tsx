import { plainErrorMessage, useFieldErrors, useTRPC } from "@shop/client";
import { Button, DataTable, QueryState, TextField, useToast, FormMessage, ListPage } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BrandCreateSchema } from "@shop/validators";
import { useState } from "react";
import { slugify } from "../lib/product-form.ts";
import { ConfirmButton } from "../components/confirm-button.tsx";

export function BrandsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const brands = useQuery(trpc.admin.brands.list.queryOptions());
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  // The new brand's own problems (a taken name or URL handle) show on its field.
  const fields = useFieldErrors();
  const toast = useToast();
  const options = (done: string) => ({
    onSuccess: () => {
      setError(null);
      toast(done);
      return queryClient.invalidateQueries({ queryKey: trpc.admin.brands.list.queryKey() });
    },
    onError: (e: unknown) => setError(plainErrorMessage(e)),
  });
  const create = useMutation(trpc.admin.brands.create.mutationOptions(options("Brand added.")));
  const update = useMutation(trpc.admin.brands.update.mutationOptions(options("Brand saved.")));
  const remove = useMutation(trpc.admin.brands.delete.mutationOptions(options("Brand deleted.")));
  return (
    <ListPage title="Brands" className="max-w-3xl">
      <FormMessage error={error ?? undefined} />
      <form
        className="mb-6 flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = fields.validate(BrandCreateSchema, { name, slug: slugify(name) });
          if (input)
            create.mutate(input, {
              onSuccess: () => setName(""),
              onError: (failure) => {
                setError(null);
                fields.fromServer(failure);
              },
            });
        }}
      >
        <TextField
          label="New brand"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            fields.clear();
          }}
          // The URL handle is made from the name, so its problems are the name's.
          error={fields.errors.name ?? fields.errors.slug ?? fields.errors.form}
        />
        <Button type="submit" disabled={!name.trim()}>
          Add brand
        </Button>
      </form>
      <QueryState query={brands} errorMessage="Could not load brands">
        {(rows) => (
          <DataTable
            label="Brands"
            rows={rows}
            columns={[
              { key: "name", header: "Brand", className: "font-medium", cell: (brand) => brand.name },
              { key: "slug", header: "Slug", className: "text-muted", cell: (brand) => brand.slug },
              { key: "products", header: "Products", align: "right", cell: (brand) => brand.productCount },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                align: "right",
                cell: (brand) => (
                  <>
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
                  </>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </ListPage>
  );
}
