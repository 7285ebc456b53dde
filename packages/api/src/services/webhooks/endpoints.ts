import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@shop/db";
import type {
  WebhookDeliveryListSchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointUpdateSchema,
} from "@shop/validators";
import { isWebhookEventType } from "@shop/webhooks/events";
import type { z } from "zod";
import { AppError } from "../../errors.ts";
import { recordAudit, type AuditActor } from "../audit/record.ts";
import { webhookUrlProblem } from "./address-guard.ts";

// The secret never leaves through these selects: it is returned once, by create and rotateSecret.
export const webhookEndpointSelect = {
  id: true,
  url: true,
  description: true,
  events: true,
  enabled: true,
  disabledAt: true,
  disabledReason: true,
  failingSince: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

const deliverySelect = {
  id: true,
  eventId: true,
  resource: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  responseStatus: true,
  responseBody: true,
  lastError: true,
  durationMs: true,
  deliveredAt: true,
  createdAt: true,
  event: { select: { type: true } },
} satisfies Prisma.WebhookDeliverySelect;

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

function checkUrl(url: string, allowPrivate: boolean) {
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem) throw new AppError("BAD_INPUT", problem, { field: "url" });
}

export async function listWebhookEndpoints(db: PrismaClient) {
  const endpoints = await db.webhookEndpoint.findMany({
    select: { ...webhookEndpointSelect, _count: { select: { deliveries: { where: { status: "PENDING" } } } } },
    orderBy: { id: "asc" },
  });
  return endpoints.map(({ _count, ...endpoint }) => ({ ...typed(endpoint), pending: _count.deliveries }));
}

// A type the shop no longer sends (renamed in a later version) is dropped rather than shown.
const typed = <T extends { events: string[] }>(endpoint: T) => ({
  ...endpoint,
  events: endpoint.events.filter(isWebhookEventType),
});

export async function getWebhookEndpoint(db: PrismaClient | Prisma.TransactionClient, id: number) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, select: webhookEndpointSelect });
  if (!endpoint) throw new AppError("NOT_FOUND", "No such webhook endpoint");
  return typed(endpoint);
}

export async function createWebhookEndpoint(
  db: PrismaClient,
  actor: AuditActor,
  input: z.output<typeof WebhookEndpointCreateSchema>,
  allowPrivate: boolean,
) {
  checkUrl(input.url, allowPrivate);
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { url: input.url, description: input.description, events: input.events, secret: newSecret() },
      select: { id: true, secret: true },
    });
    await recordAudit(tx, {
      actor,
      action: "webhook.create",
      entityType: "WebhookEndpoint",
      entityId: endpoint.id,
      after: { url: input.url, events: input.events },
    });
    return endpoint;
  });
}

/** Enabling an endpoint again clears why it was disabled and starts its failure count afresh. */
export async function updateWebhookEndpoint(
  db: PrismaClient,
  actor: AuditActor,
  input: z.output<typeof WebhookEndpointUpdateSchema>,
  allowPrivate: boolean,
) {
  if (input.url !== undefined) checkUrl(input.url, allowPrivate);
  return db.$transaction(async (tx) => {
    const before = await getWebhookEndpoint(tx, input.id);
    const reenable = input.enabled === true && !before.enabled;
    const after = await tx.webhookEndpoint.update({
      where: { id: input.id },
      data: {
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
        ...(reenable ? { disabledAt: null, disabledReason: null, failingSince: null } : {}),
      },
      select: webhookEndpointSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "webhook.update",
      entityType: "WebhookEndpoint",
      entityId: input.id,
      before: { url: before.url, events: before.events, enabled: before.enabled },
      after: { url: after.url, events: after.events, enabled: after.enabled },
    });
    return typed(after);
  });
}

/** A new signing secret, shown once; the old one stops working at once. */
export async function rotateWebhookSecret(db: PrismaClient, actor: AuditActor, id: number) {
  return db.$transaction(async (tx) => {
    await getWebhookEndpoint(tx, id);
    const { secret } = await tx.webhookEndpoint.update({
      where: { id },
      data: { secret: newSecret() },
      select: { secret: true },
    });
    await recordAudit(tx, { actor, action: "webhook.rotate_secret", entityType: "WebhookEndpoint", entityId: id });
    return { id, secret };
  });
}

export async function deleteWebhookEndpoint(db: PrismaClient, actor: AuditActor, id: number) {
  return db.$transaction(async (tx) => {
    const before = await getWebhookEndpoint(tx, id);
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAudit(tx, {
      actor,
      action: "webhook.delete",
      entityType: "WebhookEndpoint",
      entityId: id,
      before: { url: before.url, events: before.events },
    });
    return { id };
  });
}

export async function listWebhookDeliveries(db: PrismaClient, input: z.output<typeof WebhookDeliveryListSchema>) {
  const rows = await db.webhookDelivery.findMany({
    where: {
      endpointId: input.endpointId,
      status: input.status,
      ...(input.cursor ? { id: { lt: input.cursor } } : {}),
    },
    select: deliverySelect,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ event, ...delivery }) => ({ ...delivery, type: event.type })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * Sends a delivery again (same event id, so a receiver that has it can ignore it): pending at
 * once, with a fresh day of retries. A disabled endpoint's deliveries wait until it is enabled.
 */
export async function redeliverWebhook(db: PrismaClient, actor: AuditActor, deliveryId: number) {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId },
      data: { status: "PENDING", nextAttemptAt: now, giveUpAt: new Date(now.getTime() + 24 * 60 * 60_000) },
    });
    if (count !== 1) throw new AppError("NOT_FOUND", "No such delivery");
    await recordAudit(tx, { actor, action: "webhook.redeliver", entityType: "WebhookDelivery", entityId: deliveryId });
    return { id: deliveryId };
  });
}
