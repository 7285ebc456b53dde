import { Button } from "@shop/ui";
import { useEffect, useRef, useState } from "react";
import { imageFileProblem, imageTypes, moved } from "../lib/image-files.ts";

export type StagedImage = { key: string; file: File; preview: string; alt: string };

/**
 * Images chosen while a product is being created: checked at once (type and size, with a plain
 * message), shown, described and put in order in the browser, and uploaded in that order right
 * after the product is created. The first is the primary image.
 */
export function StagedImages({
  images,
  onChange,
}: {
  images: StagedImage[];
  onChange: (images: StagedImage[]) => void;
}) {
  const [problems, setProblems] = useState<string[]>([]);
  const [dragged, setDragged] = useState<number | null>(null);
  // The previews' object URLs are freed when the form goes away.
  const shown = useRef(images);
  useEffect(() => {
    shown.current = images;
  }, [images]);
  useEffect(() => () => shown.current.forEach((image) => URL.revokeObjectURL(image.preview)), []);

  const add = (files: File[]) => {
    setProblems(files.flatMap((file) => imageFileProblem(file) ?? []));
    const accepted = files.filter((file) => imageFileProblem(file) === null);
    onChange([
      ...images,
      ...accepted.map((file) => ({
        key: `${file.name}-${file.size}-${file.lastModified}-${Math.random()}`,
        file,
        preview: URL.createObjectURL(file),
        alt: "",
      })),
    ]);
  };
  const missingAlt = images.filter((image) => !image.alt.trim()).length;

  return (
    <section aria-labelledby="staged-images-title" className="rounded-lg border border-line p-4">
      <h2 id="staged-images-title" className="mb-1 font-semibold">
        Images
      </h2>
      <p className="mb-3 text-sm text-muted">
        Uploaded when you create the product. Drag or use the arrows to order them; the first is the primary image.
      </p>
      {problems.length > 0 && (
        <ul role="alert" className="mb-3 space-y-1 rounded-md bg-red-50 p-3 text-sm text-red-800">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <ol className="mb-4 flex flex-col gap-3">
        {images.map((image, index) => (
          <li
            key={image.key}
            draggable
            onDragStart={() => setDragged(index)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={() => {
              if (dragged !== null) onChange(moved(images, dragged, index));
              setDragged(null);
            }}
            className="flex flex-wrap items-end gap-3 rounded-md border border-line p-2"
            data-testid="staged-image"
          >
            <img src={image.preview} alt="" width={64} height={64} className="size-16 rounded bg-subtle object-cover" />
            <label className="min-w-48 flex-1 text-sm">
              <span className="block font-medium">
                Describe image {index + 1}
                {index === 0 && " (primary)"}
              </span>
              <input
                value={image.alt}
                maxLength={200}
                onChange={(event) =>
                  onChange(images.map((other) => (other === image ? { ...other, alt: event.target.value } : other)))
                }
                className="mt-1 block min-h-10 w-full rounded-md border border-line px-3"
              />
            </label>
            <Button
              variant="ghost"
              disabled={index === 0}
              aria-label={`Move image ${index + 1} up`}
              onClick={() => onChange(moved(images, index, index - 1))}
            >
              ↑
            </Button>
            <Button
              variant="ghost"
              disabled={index === images.length - 1}
              aria-label={`Move image ${index + 1} down`}
              onClick={() => onChange(moved(images, index, index + 1))}
            >
              ↓
            </Button>
            <Button variant="ghost" onClick={() => onChange(images.filter((other) => other !== image))}>
              Remove<span className="sr-only"> image {index + 1}</span>
            </Button>
          </li>
        ))}
      </ol>
      {missingAlt > 0 && (
        <p className="mb-3 text-sm text-amber-900" data-testid="alt-warning">
          {missingAlt === 1 ? "One image has" : `${missingAlt} images have`} no description. Shoppers who cannot see it
          hear the product name instead; describe what it shows before publishing.
        </p>
      )}
      <label className="text-sm font-medium">
        Add images (PNG, JPEG, GIF or WebP, up to 5 MB each)
        <input
          type="file"
          multiple
          accept={imageTypes.join(",")}
          className="mt-1 block text-sm"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            add(files);
          }}
        />
      </label>
    </section>
  );
}
