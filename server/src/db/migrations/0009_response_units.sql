-- Response units (最小处置单元): security posts, property management, grid workers, patrol teams,
-- police stations and volunteers, with their staff, on-duty windows and contact.
-- docs/response-units.md describes the fields, the reach and the coverage.
CREATE TABLE response_unit (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  type text NOT NULL
    CHECK (type IN ('security_post', 'property_management', 'grid_worker', 'patrol_team', 'police_station', 'volunteer')),
  staff integer NOT NULL DEFAULT 0 CHECK (staff BETWEEN 0 AND 100000),
  -- [{ "days"?: [1..7] (ISO weekday the window starts on), "start": "HH:MM", "end": "HH:MM" }],
  -- Asia/Shanghai local time, end exclusive, end <= start runs past midnight. Checked (format,
  -- overlaps) by the route; an empty array means on duty around the clock.
  duty jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(duty) = 'array' AND jsonb_array_length(duty) <= 50),
  contact text NOT NULL DEFAULT '' CHECK (length(contact) <= 200),
  geom geometry(Point, 4326) NOT NULL,
  -- The township holding the point: the scope policy uses it.
  region text NOT NULL REFERENCES region (code),
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Optimistic concurrency: every edit names the version it read.
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX response_unit_region_idx ON response_unit (region);
CREATE INDEX response_unit_geom_idx ON response_unit USING gist (geom);

GRANT SELECT, INSERT, UPDATE, DELETE ON response_unit TO riskmap_app;
GRANT USAGE, SELECT ON SEQUENCE response_unit_id_seq TO riskmap_app;

ALTER TABLE response_unit ENABLE ROW LEVEL SECURITY;
CREATE POLICY response_unit_scope ON response_unit USING (region IN (SELECT riskmap_scope_regions()));

-- The minutes of the week (Monday 00:00 = 0 … 10080) a unit is on duty, from its duty windows:
-- the rules of server/src/analysis/duty-windows.ts. Each window covers [start, end) on each of its
-- days (every day without "days"); one with end <= start runs past midnight into the next day,
-- and Sunday's into Monday. An empty list is the whole week. A multirange makes the on-duty test
-- of an event one containment check, where coverage meets thousands of events.
CREATE FUNCTION response_unit_duty_week(windows jsonb) RETURNS int4multirange
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_array_length(windows) = 0 THEN int4multirange(int4range(0, 10080)) ELSE
    coalesce((
      SELECT range_agg(v.r)
      FROM jsonb_array_elements(windows) w,
        LATERAL (SELECT split_part(w ->> 'start', ':', 1)::int * 60 + split_part(w ->> 'start', ':', 2)::int AS s,
                        split_part(w ->> 'end', ':', 1)::int * 60 + split_part(w ->> 'end', ':', 2)::int AS e) x,
        LATERAL (SELECT CASE WHEN x.e > x.s THEN x.e - x.s ELSE 1440 - x.s + x.e END AS len) l,
        LATERAL (SELECT (d::int - 1) * 1440 + x.s AS f FROM jsonb_array_elements_text(coalesce(w -> 'days', '[1,2,3,4,5,6,7]')) d) f,
        LATERAL (VALUES (int4range(f.f, least(f.f + l.len, 10080))),
                        (CASE WHEN f.f + l.len > 10080 THEN int4range(0, f.f + l.len - 10080) END)) v(r)
      WHERE v.r IS NOT NULL), '{}'::int4multirange) END
$$;

-- The minute of the week of an instant in Asia/Shanghai local time (UTC+8 all year), whatever the
-- server's own zone: the other side of the containment test above.
CREATE FUNCTION shanghai_minute_of_week(at timestamptz) RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ((extract(isodow FROM l) - 1) * 1440 + extract(hour FROM l) * 60 + extract(minute FROM l))::int
  FROM (SELECT at AT TIME ZONE 'Asia/Shanghai' AS l) t
$$;
GRANT EXECUTE ON FUNCTION response_unit_duty_week(jsonb), shanghai_minute_of_week(timestamptz) TO riskmap_app;
