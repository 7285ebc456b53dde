import type { RouterOutputs } from "@shop/api";
import { useTRPC } from "@shop/client";
import { Button, ResponsiveImage } from "@shop/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmButton } from "./confirm-button.tsx";

type Image = RouterOutputs["admin"]["products"]["get"]["images"][number];

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("Could not read the file"));
    reader.readAsDataURL(file);
  });

/** Upload, reorder (the first is the primary image), describe and remove a product's images. */
export function ImageManager({ productId, images }: { productId: number; images: Image[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.admin.products.get.queryKey({ id: productId }) });
  const upload = useMutation(
    trpc.admin.products.uploadImage.mutationOptions({ onSuccess: refresh, onError: (e) => setError(e.message) }),
  );
  const update = useMutation(
    trpc.admin.products.updateImages.mutationOptions({ onSuccess: refresh, onError: (e) => setError(e.message) }),
  );
  const save = (next: Image[]) =>
    update.mutate({ productId, images: next.map((image) => ({ id: image.id, alt: image.alt })) });
  const move = (from: number, to: number) => {
    const next = [...images];
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    save(next);
  };

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
          accept="image/png,image/jpeg,image/gif,image/webp"
          className="mt-1 block text-sm"
          disabled={upload.isPending}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (!file) return;
            setError(null);
            if (file.size > 5 * 1024 * 1024) return setError("Images may be at most 5 MB");
            upload.mutate({ productId, dataBase64: await readBase64(file), alt: "" });
          }}
        />
      </label>
      {upload.isPending && (
        <p className="mt-2 text-sm text-muted" role="status">
          Uploading…
        </p>
      )}
    </section>
  );
}
