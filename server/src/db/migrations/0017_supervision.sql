-- Supervision listing (挂牌督办): a REGION (district or township) listed for supervision with a
-- responsible unit, a rectification plan and a deadline, until it is closed off (销号) on evidence
-- (an indicator back under a threshold for a set number of months) or by an admin's written reason.
-- docs/supervision-listing.md describes the fields and the closure rule. Not to be confused with
-- listed hotspots (挂牌整治, 0007), which list a PLACE.
CREATE TABLE supervision_listing (
  id bigserial PRIMARY KEY,
  -- A district or township (checked by the route); the scope policy uses it.
  region text NOT NULL REFERENCES region (code),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
  responsible_unit text NOT NULL CHECK (length(btrim(responsible_unit)) BETWEEN 1 AND 200),
  plan text NOT NULL DEFAULT '' CHECK (length(plan) <= 5000),
  listed_on date NOT NULL,
  deadline date NOT NULL,
  -- The closure indicator: any catalog code ('all', a category, a class or a sub-class), checked
  -- against the catalog by the route (the catalog can re-code, so no foreign key).
  indicator text NOT NULL CHECK (indicator = 'all' OR indicator ~ '^[A-Z][0-9A-Za-z-]{0,15}$'),
  threshold_kind text NOT NULL CHECK (threshold_kind IN ('count', 'per10k')),
  threshold double precision NOT NULL CHECK (threshold >= 0 AND threshold < 1e9),
  months_required integer NOT NULL CHECK (months_required BETWEEN 1 AND 24),
  status text NOT NULL DEFAULT 'listed' CHECK (status IN ('listed', 'closed')),
  closure_kind text CHECK (closure_kind IN ('indicators', 'admin_reason')),
  -- One line a person reads (the admin's reason, or the evidence summarised with its numbers).
  closure_detail text CHECK (closure_detail IS NULL OR length(btrim(closure_detail)) BETWEEN 1 AND 5000),
  -- The month-by-month numbers the indicators closure was decided on.
  closure_evidence jsonb,
  closed_by text,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (deadline >= listed_on),
  CHECK ((status = 'closed') = (closure_kind IS NOT NULL AND closure_detail IS NOT NULL AND closed_by IS NOT NULL AND closed_at IS NOT NULL)),
  CHECK ((closure_kind = 'indicators') = (closure_evidence IS NOT NULL))
);
CREATE INDEX supervision_listing_region_idx ON supervision_listing (region);
-- One open listing per region and indicator (the route answers 409 already_listed first).
CREATE UNIQUE INDEX supervision_listing_open_idx ON supervision_listing (region, indicator) WHERE status = 'listed';

-- Progress notes (进展), append-only for the app role.
CREATE TABLE supervision_note (
  id bigserial PRIMARY KEY,
  listing_id bigint NOT NULL REFERENCES supervision_listing (id),
  text text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 5000),
  author text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_note_listing_idx ON supervision_note (listing_id, id);

GRANT SELECT, INSERT, UPDATE ON supervision_listing TO riskmap_app;
GRANT SELECT, INSERT ON supervision_note TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE supervision_listing_id_seq, supervision_note_id_seq TO riskmap_app;

ALTER TABLE supervision_listing ENABLE ROW LEVEL SECURITY;
CREATE POLICY supervision_listing_scope ON supervision_listing USING (region IN (SELECT riskmap_scope_regions()));
-- A note is visible and writable exactly when its listing is (that subquery is itself under RLS).
ALTER TABLE supervision_note ENABLE ROW LEVEL SECURITY;
CREATE POLICY supervision_note_scope ON supervision_note
  USING (listing_id IN (SELECT id FROM supervision_listing));
