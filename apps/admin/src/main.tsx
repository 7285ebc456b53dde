import { ApiProvider } from "@shop/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { router } from "./router.tsx";
import "./styles.css";
import { ToastProvider } from "@shop/ui";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <ApiProvider apiBase={import.meta.env.VITE_API_URL ?? ""}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </ApiProvider>
  </StrictMode>,
);
