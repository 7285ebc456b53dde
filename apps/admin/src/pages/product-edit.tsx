import { isClientError, plainErrorMessage, useTRPC } from "@shop/client";
import { Button, ErrorState, Skeleton, TextField } from "@shop/ui";
import { ProductCreateSchema } from "@shop/validators";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ImageManager } from "../components/image-manager.tsx";
import { StagedImages, type StagedImage } from "../components/staged-images.tsx";
import { uploadImage } from "../lib/upload-image.ts";
import { VariantsEditor } from "../components/variants-editor.tsx";
import { ProductReviews } from "./reviews/product-reviews.tsx";
import {
  emptyForm,
  formFromProduct,
  formProblems,
  inputFromForm,
  slugify,
  type ProductForm,
} from "../lib/product-form.ts";

const select = "mt-1 block min-h-10 w-full rounded-md border border-line bg-surface px-2";

/** Create (/products/new) or edit (/products/:id) a product with its variants and images. */
export function ProductEditPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const product = useQuery({ ...trpc.admin.products.get.queryOptions({ id: id ?? 0 }), enabled: id !== null });
  const brands = useQuery(trpc.admin.brands.list.queryOptions());
  const categories = useQuery(trpc.admin.categories.list.queryOptions());
  const [form, setForm] = useState<ProductForm>(emptyForm);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [staged, setStaged] = useState<StagedImage[]>([]);
  // `done` counts whole images, `sent` the share of the current one that has left the browser.
  const [uploading, setUploading] = useState<{ done: number; total: number; sent: number } | null>(null);
  useEffect(() => {
    if (product.data) setForm(formFromProduct(product.data));
  }, [product.data]);

  // A new product's images were chosen before it existed: they go up now, in their order.
  const uploadStaged = async (productId: number) => {
    for (const [index, image] of staged.entries()) {
      const total = staged.length;
      setUploading({ done: index, total, sent: 0 });
      await uploadImage({ productId, alt: image.alt.trim() }, image.file, (sent) =>
        setUploading({ done: index, total, sent }),
      );
    }
    setUploading(null);
    setStaged([]);
  };
  const onSaved = async (result: { id: number }) => {
    setSaved(true);
    if (id === null && staged.length > 0) {
      try {
        await uploadStaged(result.id);
      } catch (error) {
        setUploading(null);
        // The product exists: its page says which images are there; this says why one is not.
        const reason = isClientError(error) ? error.message : "the shop could not be reached";
        setProblems([`The product was created, but an image could not be uploaded: ${reason}`]);
      }
    }
    await queryClient.invalidateQueries({ queryKey: trpc.admin.products.pathKey() });
    if (id === null) await navigate(`/products/${result.id}`, { replace: true });
  };
  const onError = (error: unknown) => setProblems([plainErrorMessage(error)]);
  const create = useMutation(trpc.admin.products.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.admin.products.update.mutationOptions({ onSuccess: onSaved, onError }));

  if (id !== null && product.isError)
    return <ErrorState message={plainErrorMessage(product.error)} onRetry={() => void product.refetch()} />;
  if (id !== null && !product.data) return <Skeleton className="h-96" />;
  const field = (key: "name" | "slug" | "seoTitle" | "seoDescription") => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      setForm({
        ...form,
        [key]: event.target.value,
        ...(key === "name" && id === null && { slug: slugify(event.target.value) }),
      }),
  });

  return (
    <>
      <form
        className="flex max-w-4xl flex-col gap-6"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const found = formProblems(form);
          setProblems(found);
          if (found.length) return;
          const input = ProductCreateSchema.parse(inputFromForm(form));
          if (id === null) create.mutate(input);
          else update.mutate({ ...input, id });
        }}
      >
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-bold">{id === null ? "New product" : form.name || "Product"}</h1>
          <div className="flex gap-2">
            {id !== null && form.status === "ACTIVE" && (
              <a href={`/p/${form.slug}`} className="text-sm underline">
                View in shop
              </a>
            )}
            <Link to="/products" className="text-sm underline">
              Back to products
            </Link>
          </div>
        </div>
        {problems.length > 0 && (
          <ul role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        {saved && (
          <p role="status" className="text-sm text-green-700">
            Saved.
          </p>
        )}
        <section className="grid gap-4 rounded-lg border border-line p-4 sm:grid-cols-2">
          <TextField label="Name" {...field("name")} />
          <TextField
            label="Slug"
            hint={
              id === null
                ? "The product's address in the shop: /p/<slug>."
                : "Changing it keeps old links working: they redirect (301) to the new address."
            }
            {...field("slug")}
          />
          <label className="text-sm font-medium sm:col-span-2">
            Description
            <textarea
              rows={4}
              className="mt-1 block w-full rounded-md border border-line p-2"
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.target.value })}
            />
          </label>
          <label className="text-sm font-medium">
            Status
            <select
              aria-label="Status"
              className={select}
              value={form.status}
              onChange={(e) =>
                setForm({
                  ...form,
                  status: e.target.value === "ACTIVE" ? "ACTIVE" : e.target.value === "ARCHIVED" ? "ARCHIVED" : "DRAFT",
                })
              }
            >
              <option value="DRAFT">Draft</option>
              <option value="ACTIVE">Active (published)</option>
              <option value="ARCHIVED">Archived</option>
            </select>
          </label>
          <label className="flex items-center gap-2 self-end text-sm font-medium">
            <input
              type="checkbox"
              checked={form.featured}
              onChange={(e) => setForm({ ...form, featured: e.target.checked })}
            />{" "}
            Featured on the home page
          </label>
          <label className="text-sm font-medium">
            Brand
            <select
              aria-label="Brand"
              className={select}
              value={form.brandId}
              onChange={(e) => setForm({ ...form, brandId: e.target.value })}
            >
              <option value="">None</option>
              {brands.data?.map((brand) => (
                <option key={brand.id} value={brand.id}>
                  {brand.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            Category
            <select
              aria-label="Category"
              className={select}
              value={form.categoryId}
              onChange={(e) => setForm({ ...form, categoryId: e.target.value })}
            >
              <option value="">None</option>
              {categories.data?.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.parentId ? "— " : ""}
                  {category.name}
                </option>
              ))}
            </select>
          </label>
          <TextField label="SEO title" {...field("seoTitle")} />
          <TextField label="SEO description" {...field("seoDescription")} />
        </section>
        <VariantsEditor form={form} setForm={setForm} />
        {id !== null && product.data && <ImageManager productId={id} images={product.data.images} />}
        {id === null && <StagedImages images={staged} onChange={setStaged} />}
        {uploading && (
          <div className="flex items-center gap-3 text-sm">
            <progress
              max={uploading.total}
              value={uploading.done + uploading.sent}
              aria-label="Image upload progress"
            />
            <p role="status">
              Uploading image {uploading.done + 1} of {uploading.total}…
            </p>
          </div>
        )}
        <div>
          <Button type="submit" disabled={create.isPending || update.isPending || uploading !== null}>
            {id === null ? "Create product" : "Save changes"}
          </Button>
        </div>
      </form>
      {id !== null && <ProductReviews productId={id} />}
    </>
  );
}
