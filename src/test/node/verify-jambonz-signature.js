// Checks Jambonz-Signature headers with jambonz's own Node SDK (@jambonz/node-client's
// WebhookResponse.verifyJambonzSignature middleware), so the service's scheme is jambonz's.
// usage: node verify-jambonz-signature.js <directory where @jambonz/node-client is installed> <secret> <case.json>...
// each case: {"header": "...", "body": "<the JSON body as sent>"}; prints VALID or INVALID per case.
const path = require('path');
const fs = require('fs');

const [prefix, secret, ...files] = process.argv.slice(2);
const {WebhookResponse} = require(path.join(path.resolve(prefix), 'node_modules', '@jambonz', 'node-client'));
const verify = WebhookResponse.verifyJambonzSignature(secret);

for (const file of files) {
  const {header, body} = JSON.parse(fs.readFileSync(file, 'utf8'));
  // as express.json() hands it to the middleware: the parsed body
  const req = {url: '/', body: JSON.parse(body), get: (name) => (name === 'Jambonz-Signature' ? header : undefined)};
  try {
    let passed = false;
    verify(req, {}, () => { passed = true; });
    console.log(`${passed ? 'VALID' : 'INVALID'} ${path.basename(file)}`);
  } catch (e) {
    console.log(`INVALID ${path.basename(file)}: ${e.message}`);
  }
}
