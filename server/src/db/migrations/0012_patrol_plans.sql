-- Saved patrol plans (issue 5 §4): k new posts chosen by greedy maximal covering for one district
-- or township, each with its marginal gain, and the patrol route through them.
-- docs/patrol-planning.md describes the parameters, the objective and the comparison.
CREATE TABLE patrol_plan (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  -- The district or township the plan was solved for: the scope policy uses it.
  region text NOT NULL REFERENCES region (code),
  -- { k, months, from, to, indicator, minutes, cellSize, radiusM }: what the solve was asked.
  params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
  -- [{ rank, cell, lon, lat, gain, coveredAfter }] in pick order.
  posts jsonb NOT NULL CHECK (jsonb_typeof(posts) = 'array' AND jsonb_array_length(posts) BETWEEN 1 AND 20),
  -- { order, lengthMetres, walk, vehicle, line } through the posts; null for a single post.
  route jsonb CHECK (route IS NULL OR jsonb_typeof(route) = 'object'),
  -- { events, coveredBefore, coveredAfter } at the time of the solve.
  summary jsonb NOT NULL CHECK (jsonb_typeof(summary) = 'object'),
  synthetic boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX patrol_plan_region_idx ON patrol_plan (region);

GRANT SELECT, INSERT, DELETE ON patrol_plan TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE patrol_plan_id_seq TO riskmap_app;

ALTER TABLE patrol_plan ENABLE ROW LEVEL SECURITY;
CREATE POLICY patrol_plan_scope ON patrol_plan USING (region IN (SELECT riskmap_scope_regions()));
