CREATE TABLE "opendsr_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api_key_id" uuid NOT NULL,
	"subject_request_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"last_notified_status" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opendsr_requests_subject_request_per_key" UNIQUE("api_key_id","subject_request_id")
);
--> statement-breakpoint
ALTER TABLE "event_subscriptions" ADD COLUMN "opendsr_request_id" uuid;--> statement-breakpoint
ALTER TABLE "opendsr_requests" ADD CONSTRAINT "opendsr_requests_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opendsr_requests" ADD CONSTRAINT "opendsr_requests_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opendsr_requests_by_request" ON "opendsr_requests" USING btree ("request_id");--> statement-breakpoint
ALTER TABLE "event_subscriptions" ADD CONSTRAINT "event_subscriptions_opendsr_request_id_opendsr_requests_id_fk" FOREIGN KEY ("opendsr_request_id") REFERENCES "public"."opendsr_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_subscriptions_by_opendsr_request" ON "event_subscriptions" USING btree ("opendsr_request_id");