import type { RouterOutputs } from "@shop/api";
import { plainErrorMessage, useTRPC } from "@shop/client";
import { Button, ResponsiveImage } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { imageFileProblem, imageTypes, moved } from "../lib/image-files.ts";
import { uploadImage } from "../lib/upload-image.ts";
import { ConfirmButton } from "./confirm-button.tsx";

type Image = RouterOutputs["admin"]["products"]["get"]["images"][number];

/** Upload, reorder (the first is the primary image), describe and remove a product's images. */
export function ImageManager({ productId, images }: { productId: number; images: Image[] }) {
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
  const update = useMutation(
    trpc.admin.products.updateImages.mutationOptions({
      onSuccess: refresh,
      onError: (e) => setError(plainErrorMessage(e)),
    }),
  );
  const save = (next: Image[]) =>
    update.mutate({ productId, images: next.map((image) => ({ id: image.id, alt: image.alt })) });
  const move = (from: number, to: number) => save(moved(images, from, to));

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
      <ul className="mb-4 flex flex-col gap-3">
        {images.map((image, index) => (
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
                    save(images.map((other) => (other.id === image.id ? { ...other, alt } : other)));
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
              disabled={index === images.length - 1}
              onClick={() => move(index, index + 1)}
              aria-label="Move down"
            >
              ↓
            </Button>
            <ConfirmButton
              title="Remove this image?"
              description="It is deleted from the product and its file removed."
              confirmLabel="Remove image"
              onConfirm={() => save(images.filter((other) => other.id !== image.id))}
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
