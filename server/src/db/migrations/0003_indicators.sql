-- The indicator catalog: 4 categories → 10 major classes → sub-classes, versioned.
CREATE TABLE catalog_version (
  version integer PRIMARY KEY,
  effective_from date NOT NULL,
  note text NOT NULL
);

CREATE TABLE indicator (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][0-9A-Za-z-]{0,15}$'),
  kind text NOT NULL CHECK (kind IN ('category', 'class', 'subclass')),
  parent text REFERENCES indicator (code),
  name_zh text NOT NULL,
  name_en text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('emerging', 'escalation', 'intensification', 'resolution')),
  department_zh text,
  department_en text,
  polarity text CHECK (polarity IN ('rise_bad', 'rise_good')),
  geolocated boolean,
  sort integer NOT NULL,
  version_added integer NOT NULL REFERENCES catalog_version (version),
  version_retired integer REFERENCES catalog_version (version),
  CHECK ((kind = 'category') = (parent IS NULL)),
  CHECK ((kind = 'subclass') = (polarity IS NOT NULL))
);

-- A re-coded sub-class lists the codes it replaces, so that data recorded under the old code
-- still counts for the new one and year-on-year comparisons survive the re-coding.
CREATE TABLE indicator_lineage (
  code text NOT NULL REFERENCES indicator (code),
  replaces text NOT NULL REFERENCES indicator (code),
  PRIMARY KEY (code, replaces)
);
