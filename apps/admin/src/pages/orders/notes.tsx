import { useFieldErrors, useTRPC } from "@shop/client";
import { Button, FormMessage, TextAreaField } from "@shop/ui";
import { OrderNoteSchema } from "@shop/validators";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { formatDateTime } from "../../lib/format.ts";
import type { Order } from "../../lib/orders.ts";
import { useOrderUpdated } from "./use-order-updated.ts";

export function Notes({ order }: { order: Order }) {
  const trpc = useTRPC();
  const form = useFieldErrors();
  const [body, setBody] = useState("");
  const updated = useOrderUpdated();
  const addNote = useMutation(
    trpc.admin.orders.addNote.mutationOptions({
      onSuccess: (next) => {
        updated(next);
        setBody("");
      },
      onError: (error) => form.fromServer(error),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.validate(OrderNoteSchema, { orderId: order.id, body });
    if (input) addNote.mutate(input);
  }

  return (
    <section aria-labelledby="notes-title">
      <h2 id="notes-title" className="mb-2 text-lg font-semibold">
        Staff notes
      </h2>
      {order.notes.length === 0 ? (
        <p className="mb-3 text-sm text-muted">No notes yet. Only staff see them.</p>
      ) : (
        <ul className="mb-3 space-y-2 text-sm">
          {order.notes.map((note) => (
            <li key={note.id} className="rounded-md bg-subtle p-3">
              <p className="whitespace-pre-wrap break-words">{note.body}</p>
              <p className="mt-1 text-xs text-muted">
                {note.author?.name ?? "Former staff"} · {formatDateTime(note.createdAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="space-y-2">
        <TextAreaField
          label="Add a note"
          value={body}
          onChange={(event) => setBody(event.target.value)}
          maxLength={2000}
          error={form.errors.body}
        />
        <FormMessage error={form.errors.form ?? form.errors.orderId} />
        <Button type="submit" variant="secondary" disabled={addNote.isPending}>
          {addNote.isPending ? "Saving…" : "Add note"}
        </Button>
      </form>
    </section>
  );
}
