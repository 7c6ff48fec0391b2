/**
 * A child process for the many-processes test: the agents in AGENTS (JSON StaffActors) press
 * "Claim next" through the app's own use case, each in its own loop, from the moment GATE_FILE exists
 * (so the processes start together) until the queue has nothing unassigned left. Prints one line,
 * `CLAIMS <json>`: every claimed reference with the agent that got it.
 */
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createDatabase } from '@/db/client';
import { claimNextRequest } from '@/lib/queue/claim-next-request';
import type { StaffActor } from '@/lib/staff/staff-actor';

const agents = JSON.parse(process.env.AGENTS!) as StaffActor[];
const { db, close } = createDatabase(process.env.DATABASE_URL!, { max: agents.length });
await db.execute(sql`select 1`);
console.log('[claimers] ready');
while (!existsSync(process.env.GATE_FILE!)) await new Promise((resolve) => setTimeout(resolve, 5));

const claims: { reference: string; staffId: string }[] = [];
await Promise.all(
  agents.map(async (agent) => {
    for (;;) {
      const reference = await claimNextRequest(db, { actor: agent });
      if (!reference) return;
      claims.push({ reference, staffId: agent.staffId });
    }
  }),
);
console.log(`CLAIMS ${JSON.stringify(claims)}`);
await close();
