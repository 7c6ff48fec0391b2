import type { Actor as EventActor } from '@/lib/audit/record-event';
import { AppError } from '@/lib/errors/app-error';
import { type ApiScope, can, type Permission, type StaffRole, scopesAllow } from './permissions';

/** The signed-in staff member a use case acts for. */
export type StaffActor = { kind?: 'staff'; staffId: string; email: string; name: string; role: StaffRole };

/** Another system, calling /api/v1 with an API key an admin made: its scopes decide, as a role does for staff. */
export type ApiKeyActor = { kind: 'api_key'; apiKeyId: string; name: string; scopes: readonly ApiScope[] };

/** Whoever a request use case acts for. Use cases that an API key may reach take this; staff-only ones keep StaffActor. */
export type UseCaseActor = StaffActor | ApiKeyActor;

export function isApiKeyActor(actor: UseCaseActor): actor is ApiKeyActor {
  return actor.kind === 'api_key';
}

export function actorCan(actor: UseCaseActor, permission: Permission): boolean {
  return isApiKeyActor(actor) ? scopesAllow(actor.scopes, permission) : can(actor.role, permission);
}

/** Every use case starts with this: a refused permission is FORBIDDEN, whatever the UI showed. */
export function assertCan(actor: UseCaseActor, permission: Permission): void {
  if (actorCan(actor, permission)) return;
  if (isApiKeyActor(actor))
    throw new AppError('FORBIDDEN', 'This API key’s scopes do not allow this action.', { permission, scopes: actor.scopes });
  throw new AppError('FORBIDDEN', 'Your role does not allow this action.', { permission, role: actor.role });
}

/** The actor as the audit trail records it: an API key by its id and name. */
export function eventActorOf(actor: UseCaseActor): EventActor {
  return isApiKeyActor(actor) ? { type: 'api_key', apiKeyId: actor.apiKeyId, name: actor.name } : { type: 'staff', staffId: actor.staffId };
}

/** The staff member to record as assignee, uploader or note author; null for an API key (its events name it). */
export function staffIdOf(actor: UseCaseActor): string | null {
  return isApiKeyActor(actor) ? null : actor.staffId;
}
