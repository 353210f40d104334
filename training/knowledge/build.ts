/**
 * Rebuilds every derived knowledge table, in order (places read countries.json).
 * Usage: npx tsx training/knowledge/build.ts   (needs world-countries installed, or
 * WORLD_COUNTRIES=path/to/countries.json, and the GeoNames extracts in NEWSGRAPH_SHARED)
 */
await import('./build-countries.js');
await import('./build-places.js');
// Reads offices.tsv and organisations.tsv (and ../shared/data/leaders when present).
await import('./build-leader-parties.js');
// Reads ../shared/data/news-text (NEWSGRAPH_SHARED).
await import('./build-given-names.js');
