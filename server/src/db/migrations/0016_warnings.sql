-- Early warnings (预警, issue 7 §4): rules an admin configures and the warnings their evaluation
-- raises. docs/early-warnings.md describes the rule kinds, their parameters and the evaluation.
CREATE TABLE warning_rule (
  id bigserial PRIMARY KEY,
  kind text NOT NULL
    CHECK (kind IN ('mom_significant', 'yoy_significant', 'rate_threshold', 'escalation_ratio', 'zero_target')),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  -- A catalog code (sub-class, class, category or 'all'), '*class' for every major class or
  -- '*subclass' for every sub-class; NULL for the escalation ratio. Checked by the route.
  indicator text CHECK (indicator IS NULL OR length(indicator) BETWEEN 1 AND 20),
  level text NOT NULL DEFAULT 'township' CHECK (level IN ('district', 'township')),
  -- Kind-specific thresholds (minZ, minTotal, per10k, ratio, trendRequired), validated by zod.
  params jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(params) = 'object'),
  severity text NOT NULL DEFAULT 'warning' CHECK (severity IN ('notice', 'warning')),
  enabled boolean NOT NULL DEFAULT true,
  -- The region the rule applies under; NULL: everywhere. The scope policy uses it.
  region text REFERENCES region (code),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  synthetic boolean NOT NULL DEFAULT false,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);

-- One warning per (rule, region, indicator, period): re-evaluation updates an open one's evidence.
CREATE TABLE warning (
  id bigserial PRIMARY KEY,
  -- NULL once the rule is deleted; rule_kind keeps what raised it.
  rule_id bigint REFERENCES warning_rule (id) ON DELETE SET NULL,
  rule_kind text NOT NULL,
  region text NOT NULL REFERENCES region (code),
  indicator text NOT NULL,
  period date NOT NULL CHECK (extract(day FROM period) = 1),
  severity text NOT NULL CHECK (severity IN ('notice', 'warning')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'closed')),
  evidence jsonb NOT NULL CHECK (jsonb_typeof(evidence) = 'object'),
  message jsonb NOT NULL CHECK (jsonb_typeof(message) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  acked_by text,
  acked_at timestamptz,
  ack_note text CHECK (ack_note IS NULL OR length(ack_note) <= 2000),
  closed_by text,
  closed_at timestamptz,
  close_note text CHECK (close_note IS NULL OR length(btrim(close_note)) BETWEEN 1 AND 2000),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL AND close_note IS NOT NULL)),
  UNIQUE (rule_id, region, indicator, period)
);
CREATE INDEX warning_region_idx ON warning (region, period);
CREATE INDEX warning_status_idx ON warning (status, period);

GRANT SELECT, INSERT, UPDATE, DELETE ON warning_rule TO riskmap_app;
GRANT SELECT, INSERT, UPDATE ON warning TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE warning_rule_id_seq, warning_id_seq TO riskmap_app;

-- A rule is visible to its region's subtree and to the scopes above it (a township sees the
-- city's rules); only a scope that holds the rule's region may change it, and a global rule
-- (region NULL) only the unrestricted scope.
ALTER TABLE warning_rule ENABLE ROW LEVEL SECURITY;
CREATE POLICY warning_rule_read ON warning_rule FOR SELECT USING (
  region IS NULL
  OR region IN (SELECT riskmap_scope_regions())
  OR region IN (SELECT ancestor FROM region_ancestor WHERE descendant = current_setting('riskmap.scope', true)));
CREATE POLICY warning_rule_insert ON warning_rule FOR INSERT WITH CHECK (
  current_setting('riskmap.scope', true) = '*' OR region IN (SELECT riskmap_scope_regions()));
CREATE POLICY warning_rule_update ON warning_rule FOR UPDATE
  USING (current_setting('riskmap.scope', true) = '*' OR region IN (SELECT riskmap_scope_regions()))
  WITH CHECK (current_setting('riskmap.scope', true) = '*' OR region IN (SELECT riskmap_scope_regions()));
CREATE POLICY warning_rule_delete ON warning_rule FOR DELETE
  USING (current_setting('riskmap.scope', true) = '*' OR region IN (SELECT riskmap_scope_regions()));

ALTER TABLE warning ENABLE ROW LEVEL SECURITY;
CREATE POLICY warning_scope ON warning USING (region IN (SELECT riskmap_scope_regions()));

-- Default rules for a fresh database. They are a starting point for the demo (synthetic data):
-- an admin sets the real thresholds.
INSERT INTO warning_rule (kind, name, indicator, level, params, severity, note, synthetic, created_by, updated_by) VALUES
  ('mom_significant', '环比显著上升（每个大类）', '*class', 'township', '{"minZ": 3, "minTotal": 6}', 'warning',
   'Default demo rule: month on month, Poisson |z| >= 3 with C + P >= 6, every major class, per township.', true, 'system', 'system'),
  ('mom_significant', '环比显著上升（每个小类）', '*subclass', 'township', '{"minZ": 3, "minTotal": 6}', 'warning',
   'Default demo rule: month on month, Poisson |z| >= 3 with C + P >= 6, every sub-class, per township.', true, 'system', 'system'),
  ('escalation_ratio', '阶段升级比上升', NULL, 'township', '{"ratio": 1, "trendRequired": true}', 'notice',
   'Default demo rule: the stage escalation ratio of the last 3 months is at least 1 and rising (Mann-Kendall).', true, 'system', 'system'),
  ('zero_target', '命案零目标', 'C2-01', 'township', '{}', 'warning',
   'Default demo rule: any homicide (C2-01) breaks the zero target.', true, 'system', 'system');
