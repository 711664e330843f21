-- EX2, EX3: the chair's decision says which parts of the meeting the exclusion covers, and what
-- record the excluded person gets (the whole, or the attended part on a recorded ground); the
-- letter telling them is sent through the outbox and its sending kept.
ALTER TABLE "exclusion_requests" ADD COLUMN "excluded_parts" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD COLUMN "record_scope" text;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD COLUMN "record_withheld_ground" text;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD COLUMN "letter_outbox_id" uuid CONSTRAINT "exclusion_requests_letter_outbox_id_outbox_messages_id_fk" REFERENCES "outbox_messages"("id");--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD COLUMN "letter_method" text;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD COLUMN "letter_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD COLUMN "letter_sent_by" uuid CONSTRAINT "exclusion_requests_letter_sent_by_users_id_fk" REFERENCES "users"("id");--> statement-breakpoint
-- EX2: the attendance row of a person the chair excluded before this conference points at that decision.
ALTER TABLE "meeting_attendance" ADD COLUMN "exclusion_request_id" uuid CONSTRAINT "meeting_attendance_exclusion_request_id_exclusion_requests_id_fk" REFERENCES "exclusion_requests"("id");--> statement-breakpoint
-- EX3: the ground on which part of the record is withheld from an excluded family member.
ALTER TABLE "meeting_attendance" ADD COLUMN "record_withheld_ground" text;--> statement-breakpoint
-- RC5: recordings of the conference kept with the record, and requests for a copy.
CREATE TABLE "conference_recordings" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "conference_id" uuid NOT NULL CONSTRAINT "conference_recordings_conference_id_conferences_id_fk" REFERENCES "conferences"("id"),
  "kind" text NOT NULL,
  "redacted_for_invitation_id" uuid CONSTRAINT "conference_recordings_redacted_for_invitation_id_invitations_id_fk" REFERENCES "invitations"("id"),
  "description" text NOT NULL DEFAULT '',
  "file_name" text NOT NULL,
  "file_type" text NOT NULL,
  "file_base64" text NOT NULL,
  "bytes" integer NOT NULL,
  "uploaded_by" uuid NOT NULL CONSTRAINT "conference_recordings_uploaded_by_users_id_fk" REFERENCES "users"("id"),
  "uploaded_at" timestamp with time zone NOT NULL
);--> statement-breakpoint
CREATE INDEX "conference_recordings_conference" ON "conference_recordings" ("conference_id");--> statement-breakpoint
CREATE TABLE "recording_release_requests" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  "conference_id" uuid NOT NULL CONSTRAINT "recording_release_requests_conference_id_conferences_id_fk" REFERENCES "conferences"("id"),
  "invitation_id" uuid NOT NULL CONSTRAINT "recording_release_requests_invitation_id_invitations_id_fk" REFERENCES "invitations"("id"),
  "how_asked" text NOT NULL,
  "requested_on" date NOT NULL,
  "recorded_by" uuid NOT NULL CONSTRAINT "recording_release_requests_recorded_by_users_id_fk" REFERENCES "users"("id"),
  "recorded_at" timestamp with time zone NOT NULL,
  "status" text DEFAULT 'pending' NOT NULL,
  "recording_id" uuid CONSTRAINT "recording_release_requests_recording_id_conference_recordings_id_fk" REFERENCES "conference_recordings"("id"),
  "no_redaction_reason" text,
  "refusal_reasons" text,
  "decided_by" uuid CONSTRAINT "recording_release_requests_decided_by_users_id_fk" REFERENCES "users"("id"),
  "decided_at" timestamp with time zone,
  "version" integer DEFAULT 1 NOT NULL
);--> statement-breakpoint
CREATE INDEX "recording_release_requests_conference" ON "recording_release_requests" ("conference_id");
