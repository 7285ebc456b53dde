import { ApiProvider, createClients } from "@shop/client";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { createRouter } from "./router.tsx";
import "./styles.css";
import { ToastProvider } from "@shop/ui";

const apiBase = import.meta.env.VITE_API_URL ?? "";
const clients = createClients(apiBase);
const router = createRouter(clients);
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <ApiProvider apiBase={apiBase} clients={clients}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </ApiProvider>
  </StrictMode>,
);
