import { useNavigate } from "react-router";
import { useMe, useSignOut } from "../lib/session.ts";
import { Link } from "./link.tsx";

/** Header links: sign in / sign up, or the account and sign out. */
export function AccountMenu() {
  const me = useMe();
  if (me.isPending) return <span className="h-5 w-24" aria-hidden="true" />;
  if (!me.data) {
    return (
      <div className="flex items-center gap-4 text-sm">
        <Link to="/sign-in" className="hover:underline">
          Sign in
        </Link>
        <Link to="/sign-up" className="rounded-md bg-brand-600 px-3 py-2 font-medium text-white hover:bg-brand-strong">
          Create account
        </Link>
      </div>
    );
  }
  return <SignedIn name={me.data.name} />;
}

/** Its own component: the sign-out mutation exists only for a signed-in shopper. */
function SignedIn({ name }: { name: string }) {
  const navigate = useNavigate();
  const signOut = useSignOut(() => void navigate("/"));
  return (
    <div className="flex items-center gap-4 text-sm">
      <Link to="/account" className="hover:underline">
        <span className="sr-only">Your account, signed in as </span>
        {name}
      </Link>
      <button type="button" className="hover:underline" onClick={() => signOut.mutate()}>
        Sign out
      </button>
    </div>
  );
}
