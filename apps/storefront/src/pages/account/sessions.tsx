import { useTRPC } from "@shop/client";
import { Button, ErrorState, Skeleton } from "@shop/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useSessionChanged } from "../../lib/session.ts";

const when = (date: Date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date);

export function SessionsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const changed = useSessionChanged();
  const sessions = useQuery(trpc.account.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.sessions.list.queryKey() });
  const revoke = useMutation(trpc.account.sessions.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(trpc.account.sessions.revokeOthers.mutationOptions({ onSuccess: refresh }));
  const everywhere = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({
      onSuccess: async () => {
        changed(null);
        await navigate("/sign-in");
      },
    }),
  );

  if (sessions.isPending) return <Skeleton className="h-48 w-full" />;
  if (sessions.isError)
    return <ErrorState message="Could not load your devices." onRetry={() => void sessions.refetch()} />;

  return (
    <div className="space-y-6">
      <p className="text-sm text-muted">Devices signed in to your account. Sign out any you do not recognise.</p>
      <ul className="divide-y divide-line rounded-lg border border-line">
        {sessions.data.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 p-4" data-testid="session">
            <div>
              <p className="font-medium">
                {session.device}
                {session.current && (
                  <span className="ml-2 rounded bg-green-50 px-2 py-0.5 text-xs text-green-800">This device</span>
                )}
              </p>
              <p className="text-sm text-muted">
                {session.ip ?? "Unknown IP"} · last active {when(session.lastUsedAt)} · signed in{" "}
                {when(session.createdAt)}
              </p>
            </div>
            {!session.current && (
              <Button variant="secondary" onClick={() => revoke.mutate({ id: session.id })}>
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => revokeOthers.mutate()} disabled={sessions.data.length < 2}>
          Sign out all other devices
        </Button>
        <Button variant="danger" onClick={() => everywhere.mutate()}>
          Sign out everywhere
        </Button>
      </div>
    </div>
  );
}
