// Module hooks that let TimelineJS's own source (browser code, written for a bundler)
// run under Node for one job: checking a timeline file with its TimelineConfig class.
// Extensionless relative imports get their ".js"; the two modules that need a browser
// (HTML sanitising, network helpers) are replaced by stubs the checks do not depend on.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const stub = (code) => ({ url: `data:text/javascript,${encodeURIComponent(code)}`, shortCircuit: true });

export async function resolve(specifier, context, next) {
  if (specifier === "dompurify") {
    return stub("export default { addHook() {}, sanitize(text) { return text; } };");
  }
  if (specifier.endsWith("/net/Net")) {
    return stub("export function fetchJSON() { throw new Error('no network here'); }");
  }
  if ((specifier.startsWith("./") || specifier.startsWith("../")) && !/\.(m?js|json)$/.test(specifier)) {
    const url = new URL(`${specifier}.js`, context.parentURL);
    if (existsSync(fileURLToPath(url))) return next(url.href, context);
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.includes("/src/js/") && url.endsWith(".js")) {
    return next(url, { ...context, format: "module" });
  }
  return next(url, context);
}
