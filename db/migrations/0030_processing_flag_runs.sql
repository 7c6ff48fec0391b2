ALTER TYPE "public"."fulfilment_run_kind" ADD VALUE 'restrict';--> statement-breakpoint
ALTER TYPE "public"."fulfilment_run_kind" ADD VALUE 'object';