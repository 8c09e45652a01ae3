// Usage: node --import ./register.mjs check.mjs TIMELINEJS_PACKAGE_DIR timeline.json
// Loads the file with TimelineJS's TimelineConfig (as the timeline does before drawing),
// runs its validate(), and prints {"valid", "errors", "events"} as JSON.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

// Markup stripping uses the browser's DOMParser; plain text is all it needs here.
globalThis.DOMParser = class {
  parseFromString(text) {
    return { body: { textContent: text.replace(/<[^>]*>/g, "") } };
  }
};

const [packageDir, file] = process.argv.slice(2);
const source = pathToFileURL(`${packageDir}/src/js/core/TimelineConfig.js`).href;
const { TimelineConfig } = await import(source);
const config = new TimelineConfig(JSON.parse(readFileSync(file, "utf8")));
config.validate();
console.log(JSON.stringify({
  valid: config.isValid(),
  errors: config.getErrors().map(String),
  events: config.events.length,
}));
