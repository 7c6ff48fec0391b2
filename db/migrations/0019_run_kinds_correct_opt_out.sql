ALTER TYPE "public"."fulfilment_run_kind" ADD VALUE 'correct';--> statement-breakpoint
ALTER TYPE "public"."fulfilment_run_kind" ADD VALUE 'opt_out';