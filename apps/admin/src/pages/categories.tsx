import type { RouterOutputs } from "@shop/api";
import { plainErrorMessage, useFieldErrors, useTRPC } from "@shop/client";
import { Button, ErrorState, Skeleton, TextField, useToast, FormMessage, ListPage } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CategoryCreateSchema } from "@shop/validators";
import { useState } from "react";
import { slugify } from "../lib/product-form.ts";
import { ConfirmButton } from "../components/confirm-button.tsx";

type Category = RouterOutputs["admin"]["categories"]["list"][number];

/** The category tree: create, rename, move under another parent, reorder among siblings. */
export function CategoriesPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const [error, setError] = useState<string | null>(null);
  // The new category's own problems (a taken name or URL handle) show on its field.
  const fields = useFieldErrors();
  const [name, setName] = useState("");
  const [parentId, setParentId] = useState("");
  const toast = useToast();
  const options = (done: string) => ({
    onSuccess: () => {
      setError(null);
      toast(done);
      return queryClient.invalidateQueries({ queryKey: trpc.admin.categories.list.queryKey() });
    },
    onError: (e: unknown) => setError(plainErrorMessage(e)),
  });
  const create = useMutation(trpc.admin.categories.create.mutationOptions(options("Category added.")));
  const update = useMutation(trpc.admin.categories.update.mutationOptions(options("Category saved.")));
  const move = useMutation(trpc.admin.categories.move.mutationOptions(options("Category moved.")));
  const remove = useMutation(trpc.admin.categories.delete.mutationOptions(options("Category deleted.")));

  if (categories.isError)
    return <ErrorState message={plainErrorMessage(categories.error)} onRetry={() => void categories.refetch()} />;
  if (!categories.data) return <Skeleton className="h-96" />;
  const all = categories.data;
  const children = (parent: number | null) => all.filter((category) => category.parentId === parent);

  const row = (category: Category, depth: number) => {
    const siblings = children(category.parentId);
    const index = siblings.findIndex((sibling) => sibling.id === category.id);
    return (
      <li key={category.id} data-testid="category-row">
        <div
          className="flex flex-wrap items-center gap-2 border-t border-line py-2"
          style={{ paddingLeft: `${depth * 1.5}rem` }}
        >
          <span className="min-w-40 font-medium">{category.name}</span>
          <span className="text-xs text-muted">
            /{category.slug} · {category.productCount} products
          </span>
          <Button
            variant="ghost"
            aria-label={`Move ${category.name} up`}
            disabled={index === 0}
            onClick={() => move.mutate({ id: category.id, parentId: category.parentId, position: index - 1 })}
          >
            ↑
          </Button>
          <Button
            variant="ghost"
            aria-label={`Move ${category.name} down`}
            disabled={index === siblings.length - 1}
            onClick={() => move.mutate({ id: category.id, parentId: category.parentId, position: index + 1 })}
          >
            ↓
          </Button>
          <select
            aria-label={`Parent of ${category.name}`}
            value={category.parentId ?? ""}
            onChange={(event) =>
              move.mutate({
                id: category.id,
                parentId: event.target.value ? Number(event.target.value) : null,
                position: 10_000,
              })
            }
            className="min-h-9 rounded border border-line px-2 text-sm"
          >
            <option value="">Top level</option>
            {all
              .filter((other) => other.id !== category.id)
              .map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
          </select>
          <Button
            variant="ghost"
            onClick={() => {
              const next = window.prompt("New name", category.name);
              if (next)
                update.mutate({ id: category.id, name: next, slug: category.slug, description: category.description });
            }}
          >
            Rename
          </Button>
          <ConfirmButton
            title={`Delete the category ${category.name}?`}
            confirmLabel="Delete category"
            onConfirm={() => remove.mutate({ id: category.id })}
          >
            Delete<span className="sr-only"> {category.name}</span>
          </ConfirmButton>
        </div>
        <ul>{children(category.id).map((child) => row(child, depth + 1))}</ul>
      </li>
    );
  };

  return (
    <ListPage title="Categories" className="max-w-4xl">
      <FormMessage error={error ?? undefined} />
      <form
        className="mb-6 flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = fields.validate(CategoryCreateSchema, {
            name,
            slug: slugify(name),
            parentId: parentId ? Number(parentId) : null,
          });
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
          label="New category"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            fields.clear();
          }}
          // The URL handle is made from the name, so its problems are the name's.
          error={fields.errors.name ?? fields.errors.slug ?? fields.errors.form}
        />
        <label className="text-sm font-medium">
          Parent
          <select
            value={parentId}
            onChange={(event) => setParentId(event.target.value)}
            className="mt-1 block min-h-10 rounded-md border border-line px-2"
          >
            <option value="">Top level</option>
            {all.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={!name.trim()}>
          Add category
        </Button>
      </form>
      <ul>{children(null).map((category) => row(category, 0))}</ul>
    </ListPage>
  );
}
