// Node has the WebAssembly global, but @types/node leaves its types to lib.dom. The one call
// the schema-engine loader makes, declared here rather than pulling DOM types into server code.
declare namespace WebAssembly {
  type Instance = { exports: Record<string, unknown> };
  function instantiate(
    bytes: ArrayBufferView | ArrayBuffer,
    imports: Record<string, object>,
  ): Promise<{ instance: Instance }>;
}
