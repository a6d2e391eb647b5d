// The fixed benchmark queries: 32 per language, from very common words to
// rare ones, inflected forms, two-word queries, prefixes and words the
// corpus does not contain. They suit both the example content and the
// synthetic corpus (`examples/synth`), whose vocabulary they are drawn from.
export const QUERIES = {
  fi: [
    "kunnan", "vuonna", "palvelu", "palvelun", "kaupungin", "tavoite", "tavoitteet",
    "pyöräily", "pyöräilyn", "pyöräilyä", "liikenteen", "liikenne", "asukkaiden",
    "ympäristö", "ympäristön", "talous", "talouden", "energian", "kirjaston", "koulun",
    "käsittelyaika", "tyytyväisyys", "rakennusjärjestys", "rakennusjär", "kävely ja pyöräily",
    "palvelun kehittäminen", "liikenteen turvallisuus", "asukastyytyväisyys",
    "joukkoliikenteen", "vesihuolto", "katujen kunnossapito", "kunnossapidon",
  ],
  sv: [
    "kommunen", "år", "tjänst", "tjänsten", "staden", "mål", "målen", "cykling",
    "cyklingen", "trafiken", "trafik", "invånarna", "miljön", "miljö", "ekonomi",
    "ekonomin", "energi", "biblioteket", "skolan", "handläggningstid", "nöjdhet",
    "byggnadsordning", "byggnads", "gång och cykling", "tjänstens utveckling",
    "trafiksäkerhet", "kollektivtrafiken", "vatten", "gatorna", "underhåll", "parken", "nätet",
  ],
  en: [
    "municipality", "year", "service", "services", "city", "goal", "goals", "cycling",
    "cycle", "traffic", "resident", "residents", "environment", "economy", "energy",
    "library", "school", "processing time", "satisfaction", "building ordinance",
    "build", "walking and cycling", "service development", "road safety",
    "public transport", "water", "streets", "maintenance", "park", "network", "permit", "roads",
  ],
};
