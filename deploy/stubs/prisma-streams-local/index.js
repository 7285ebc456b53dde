// `prisma dev` imports this on demand; every published @prisma/streams-local needs Node 22.
export async function startLocalDurableStreamsServer() {
  throw new Error("`prisma dev` is not available: @prisma/streams-local needs Node 22 and is replaced by a stub here.");
}
