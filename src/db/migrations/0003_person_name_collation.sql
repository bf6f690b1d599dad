-- Person names sort as a Swiss reader expects (collation created in 0001).
ALTER TABLE persons ALTER COLUMN official_name TYPE text COLLATE person_name;
--> statement-breakpoint
ALTER TABLE persons ALTER COLUMN first_names TYPE text COLLATE person_name;
--> statement-breakpoint
-- Situation numbers CII-<year>-<n>: one sequence, so concurrent announcements never share a number.
CREATE SEQUENCE situation_number_seq;
