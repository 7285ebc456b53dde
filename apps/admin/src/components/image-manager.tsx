import type { RouterOutputs } from "@shop/api";
import { plainErrorMessage, useTRPC } from "@shop/client";
import { Button, ResponsiveImage } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { imageFileProblem, imageTypes, moved } from "../lib/image-files.ts";
import { uploadImage } from "../lib/upload-image.ts";
import { ConfirmButton } from "./confirm-button.tsx";

type Image = RouterOutputs["admin"]["products"]["get"]["images"][number];

/** A variant as the picker names it: its option values ("Black / 128 GB"). */
export type VariantChoice = { id: number; title: string };

/**
 * Upload, reorder (the first is the primary image), describe, link to variants and remove a
 * product's images. Choosing a linked variant on the product page shows its image.
 */
export function ImageManager({
  productId,
  images,
  variants,
}: {
  productId: number;
  images: Image[];
  /** Only products whose variants have names (options) get the variant checkboxes. */
  variants: VariantChoice[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.admin.products.get.queryKey({ id: productId }) });
  const [sent, setSent] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) => uploadImage({ productId, alt: "" }, file, setSent),
    onMutate: () => setSent(0),
    onSuccess: refresh,
    onError: (e) => setError(plainErrorMessage(e)),
  });
  // What was last asked for, shown at once and until the product is read again: a second change
  // made meanwhile builds on it.
  const [asked, setAsked] = useState<Image[] | null>(null);
  const update = useMutation(
    trpc.admin.products.updateImages.mutationOptions({
      onSuccess: refresh,
      onError: (e) => setError(plainErrorMessage(e)),
      onSettled: () => setAsked(null),
    }),
  );
  const latest = asked ?? images;
  const save = (next: Image[]) => {
    setAsked(next);
    update.mutate({
      productId,
      images: next.map((image) => ({ id: image.id, alt: image.alt, variantIds: image.variantIds })),
    });
  };
  const move = (from: number, to: number) => save(moved(latest, from, to));
  const toggleVariant = (image: Image, variantId: number, on: boolean) =>
    save(
      latest.map((other) =>
        other.id === image.id
          ? {
              ...other,
              variantIds: on ? [...other.variantIds, variantId] : other.variantIds.filter((id) => id !== variantId),
            }
          : other,
      ),
    );
  const missingAlt = latest.filter((image) => !image.alt.trim()).length;

  return (
    <section aria-labelledby="images-title" className="rounded-lg border border-line p-4">
      <h2 id="images-title" className="mb-3 font-semibold">
        Images
      </h2>
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {missingAlt > 0 && (
        <p className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="alt-warning">
          {missingAlt === 1 ? "One image has" : `${missingAlt} images have`} no description. Shoppers who cannot see it
          hear the product name instead; describe what it shows before publishing.
        </p>
      )}
      <ul className="mb-4 flex flex-col gap-3">
        {latest.map((image, index) => (
          <li key={image.id} className="flex flex-wrap items-center gap-3" data-testid="image-row">
            <ResponsiveImage
              image={image}
              alt={image.alt}
              sizes="64px"
              loading="lazy"
              className="size-16 rounded bg-subtle object-cover"
            />
            <span className="text-xs text-muted">
              {image.width}×{image.height}
              {index === 0 && " · primary"}
            </span>
            <label className="min-w-48 flex-1 text-sm">
              <span className="block font-medium">Describe image {index + 1}</span>
              <input
                key={image.alt}
                defaultValue={image.alt}
                maxLength={200}
                onBlur={(event) => {
                  const alt = event.target.value.trim();
                  if (alt !== image.alt)
                    save(latest.map((other) => (other.id === image.id ? { ...other, alt } : other)));
                }}
                className="mt-1 block min-h-10 w-full rounded-md border border-line px-3"
              />
            </label>
            <Button variant="ghost" disabled={index === 0} onClick={() => move(index, 0)}>
              Make primary
            </Button>
            <Button variant="ghost" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label="Move up">
              ↑
            </Button>
            <Button
              variant="ghost"
              disabled={index === latest.length - 1}
              onClick={() => move(index, index + 1)}
              aria-label="Move down"
            >
              ↓
            </Button>
            {variants.length > 1 && (
              <fieldset className="w-full text-sm" data-testid="image-variants">
                <legend className="font-medium">Image {index + 1} shows</legend>
                <div className="flex flex-wrap gap-x-4 gap-y-1">
                  {variants.map((variant) => (
                    <label key={variant.id} className="inline-flex min-h-8 items-center gap-1">
                      <input
                        type="checkbox"
                        checked={image.variantIds.includes(variant.id)}
                        disabled={update.isPending}
                        onChange={(event) => toggleVariant(image, variant.id, event.target.checked)}
                      />
                      {variant.title}
                    </label>
                  ))}
                </div>
                <p className="text-xs text-muted">
                  {image.variantIds.length === 0
                    ? "No variant chosen: the image shows the product as a whole."
                    : "Choosing one of these on the product page shows this image."}
                </p>
              </fieldset>
            )}
            <ConfirmButton
              title="Remove this image?"
              description="It is deleted from the product and its file removed."
              confirmLabel="Remove image"
              onConfirm={() => save(latest.filter((other) => other.id !== image.id))}
            >
              Remove<span className="sr-only"> image {index + 1}</span>
            </ConfirmButton>
          </li>
        ))}
      </ul>
      <label className="text-sm font-medium">
        Upload image (PNG, JPEG, GIF or WebP, up to 5 MB and 40 megapixels)
        <input
          type="file"
          accept={imageTypes.join(",")}
          className="mt-1 block text-sm"
          disabled={upload.isPending}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (!file) return;
            setError(null);
            const problem = imageFileProblem(file);
            if (problem) return setError(problem);
            upload.mutate(file);
          }}
        />
      </label>
      {upload.isPending && (
        <div className="mt-2 flex items-center gap-3 text-sm text-muted">
          <progress max={100} value={Math.round(sent * 100)} aria-label="Image upload progress" />
          {/* The bar moves with every byte; the live region speaks only when the stage changes. */}
          <p role="status">{sent < 1 ? "Uploading…" : "Making the smaller sizes…"}</p>
        </div>
      )}
    </section>
  );
}
