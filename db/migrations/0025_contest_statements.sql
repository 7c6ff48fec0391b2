CREATE TABLE "contest_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_statements_requestId_unique" UNIQUE("request_id")
);
--> statement-breakpoint
ALTER TABLE "contest_statements" ADD CONSTRAINT "contest_statements_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;