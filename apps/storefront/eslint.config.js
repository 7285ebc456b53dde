import shared from "@shop/config/eslint";

export default [
  ...shared,
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/components/link.*"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "react-router",
              importNames: ["Link"],
              message: "Use the storefront's Link (components/link.tsx): on the server it writes plain paths itself.",
            },
          ],
        },
      ],
    },
  },
];
