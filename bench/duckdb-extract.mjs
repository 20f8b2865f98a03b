// DuckDB as a command, the peer of `kansenspiegel spiegel --input … --format csv`: a new Node
// process that loads DuckDB, reads the extract and counts the groupings (the SQL from
// bench/extract.ts), and writes the groups as CSV. Plain JavaScript, so that no TypeScript
// loader adds to its start-up. Usage: node bench/duckdb-extract.mjs QUERY OUT.csv
import { DuckDBInstance } from '@duckdb/node-api';

const [query, out] = process.argv.slice(2);
if (!query || !out) {
  console.error('usage: node bench/duckdb-extract.mjs QUERY OUT.csv');
  process.exit(2);
}
const duck = await DuckDBInstance.create(':memory:');
const conn = await duck.connect();
await conn.run(`COPY (${query}) TO '${out.replaceAll("'", "''")}' (HEADER, DELIMITER ';')`);
conn.closeSync();
