-- Listed hotspots (挂牌整治): places listed for rectification, their lifecycle and its record.
-- docs/listed-hotspots.md describes the fields, the lifecycle table and the closure evidence.
CREATE TABLE listed_hotspot (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  -- Sub-class codes, checked against the catalog by the route (the catalog can re-code them).
  indicators text[] NOT NULL CHECK (cardinality(indicators) BETWEEN 1 AND 20),
  responsible_unit text NOT NULL CHECK (length(btrim(responsible_unit)) BETWEEN 1 AND 200),
  listed_on date NOT NULL,
  deadline date NOT NULL,
  measures text NOT NULL DEFAULT '' CHECK (length(measures) <= 5000),
  -- [{ "title": …, "url": "http(s)://…" }]; the URL scheme is checked by the route.
  attachments jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(attachments) = 'array'),
  geom geometry(Geometry, 4326) NOT NULL
    CHECK (GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON') AND ST_IsValid(geom)),
  status text NOT NULL DEFAULT 'listed'
    CHECK (status IN ('listed', 'rectifying', 'awaiting_acceptance', 'extended', 'delisted')),
  -- The township holding the point, or the polygon's point on surface: the scope policy uses it.
  region text NOT NULL REFERENCES region (code),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Optimistic concurrency: every edit and transition names the version it read.
  version integer NOT NULL DEFAULT 1,
  CHECK (deadline >= listed_on)
);
CREATE INDEX listed_hotspot_region_idx ON listed_hotspot (region);
CREATE INDEX listed_hotspot_geom_idx ON listed_hotspot USING gist (geom);

-- Who moved a hotspot from which state to which, when and why. Append-only for the app role.
-- The delisting (销号) row carries the closure evidence the decision was taken on.
CREATE TABLE listed_hotspot_transition (
  id bigserial PRIMARY KEY,
  hotspot_id bigint NOT NULL REFERENCES listed_hotspot (id),
  from_status text,
  to_status text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 2000),
  new_deadline date,
  evidence jsonb
);
CREATE INDEX listed_hotspot_transition_hotspot_idx ON listed_hotspot_transition (hotspot_id, id);

GRANT SELECT, INSERT, UPDATE ON listed_hotspot TO riskmap_app;
GRANT SELECT, INSERT ON listed_hotspot_transition TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE listed_hotspot_id_seq, listed_hotspot_transition_id_seq TO riskmap_app;

ALTER TABLE listed_hotspot ENABLE ROW LEVEL SECURITY;
CREATE POLICY listed_hotspot_scope ON listed_hotspot USING (region IN (SELECT riskmap_scope_regions()));
-- A transition is visible and writable exactly when its hotspot is (that subquery is itself under RLS).
ALTER TABLE listed_hotspot_transition ENABLE ROW LEVEL SECURITY;
CREATE POLICY listed_hotspot_transition_scope ON listed_hotspot_transition
  USING (hotspot_id IN (SELECT id FROM listed_hotspot));
