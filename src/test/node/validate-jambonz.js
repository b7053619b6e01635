// Validates jambonz answers with jambonz's own published schema (@jambonz/schema's validate()).
// usage: node validate-jambonz.js <directory where @jambonz/schema is installed> <answer.json>...
// Prints one line per file (OK, or the error) and exits 1 when any answer is invalid.
const path = require('path');
const fs = require('fs');

const [prefix, ...files] = process.argv.slice(2);
const {validate} = require(path.join(path.resolve(prefix), 'node_modules', '@jambonz', 'schema'));
const logger = {debug() {}, info() {}, warn() {}, error() {}, child() { return logger; }};

let failed = 0;
for (const file of files) {
  try {
    validate(logger, JSON.parse(fs.readFileSync(file, 'utf8')));
    console.log(`OK ${path.basename(file)}`);
  } catch (e) {
    failed++;
    console.log(`INVALID ${path.basename(file)}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
