import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
  // Only `generate` is used from drizzle-kit; migrations are applied by scripts/migrate.ts.
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/dsr_desk' },
});
