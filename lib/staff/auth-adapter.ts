import { and, eq, gt, sql } from 'drizzle-orm';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import type { Database } from '@/db/client';
import { findActiveStaffMember, findStaffMemberByEmail } from '@/db/queries/staff-members';
import { type StaffMemberRow, staffMembers, staffSessions, staffSignInTokens } from '@/db/schema';
import { hashToken } from '@/lib/security/tokens';

function toAdapterUser(member: StaffMemberRow): AdapterUser {
  return { id: member.id, email: member.email, name: member.name || null, emailVerified: member.emailVerifiedAt };
}

/**
 * next-auth's storage, over our own staff tables. Only invited, active members
 * exist as users: createUser always refuses, and a deactivated member's sessions
 * stop resolving at once. Session tokens are stored as SHA-256 only.
 */
export function createStaffAuthAdapter(db: Database): Adapter {
  return {
    async createUser() {
      throw new Error('Staff accounts are created by invitation only.');
    },
    async getUser(id) {
      const member = await findActiveStaffMember(db, { id });
      return member ? toAdapterUser(member) : null;
    },
    async getUserByEmail(email) {
      const member = await findStaffMemberByEmail(db, { email });
      return member?.isActive ? toAdapterUser(member) : null;
    },
    async getUserByAccount() {
      return null;
    },
    async updateUser(user) {
      const [member] = await db
        .update(staffMembers)
        .set({ emailVerifiedAt: user.emailVerified ?? undefined })
        .where(eq(staffMembers.id, user.id))
        .returning();
      if (!member) throw new Error('unknown staff member');
      return toAdapterUser(member);
    },
    async linkAccount() {
      return undefined;
    },
    async createSession({ sessionToken, userId, expires }) {
      await db.insert(staffSessions).values({ sessionTokenHash: hashToken(sessionToken), staffId: userId, expires });
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const [row] = await db
        .select({ session: staffSessions, member: staffMembers })
        .from(staffSessions)
        .innerJoin(staffMembers, eq(staffMembers.id, staffSessions.staffId))
        .where(
          and(
            eq(staffSessions.sessionTokenHash, hashToken(sessionToken)),
            gt(staffSessions.expires, sql`now()`),
            eq(staffMembers.isActive, true),
          ),
        );
      if (!row) return null;
      return { session: { sessionToken, userId: row.member.id, expires: row.session.expires }, user: toAdapterUser(row.member) };
    },
    async updateSession({ sessionToken, expires }) {
      if (!expires) return null;
      const [row] = await db
        .update(staffSessions)
        .set({ expires })
        .where(eq(staffSessions.sessionTokenHash, hashToken(sessionToken)))
        .returning();
      return row ? { sessionToken, userId: row.staffId, expires: row.expires } : null;
    },
    async deleteSession(sessionToken) {
      await db.delete(staffSessions).where(eq(staffSessions.sessionTokenHash, hashToken(sessionToken)));
    },
    async createVerificationToken({ identifier, token, expires }) {
      await db.insert(staffSignInTokens).values({ identifier, tokenHash: token, expires });
      return { identifier, token, expires };
    },
    async useVerificationToken({ identifier, token }) {
      // Delete-returning makes the link single-use even if clicked twice at once.
      const [row] = await db
        .delete(staffSignInTokens)
        .where(and(eq(staffSignInTokens.identifier, identifier), eq(staffSignInTokens.tokenHash, token)))
        .returning();
      return row ? { identifier: row.identifier, token: row.tokenHash, expires: row.expires } : null;
    },
  };
}
