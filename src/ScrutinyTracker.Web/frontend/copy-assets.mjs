// Copies the GOV.UK Frontend files the app serves at runtime into wwwroot.
// Fonts and images (crown, favicons) are deliberately not copied: this is a
// council service, not a GOV.UK one.
// Also copies jQuery and jQuery Validation (with Microsoft's unobtrusive
// adapter) for client-side validation of forms, each with its licence.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "node_modules", "govuk-frontend");
const target = join(here, "..", "wwwroot", "lib", "govuk-frontend");
const { version, license } = JSON.parse(
  readFileSync(join(source, "package.json"), "utf8"),
);

mkdirSync(target, { recursive: true });

// Copy the bundle without its source map comment (the .map is not shipped).
const script = readFileSync(
  join(source, "dist", "govuk", "govuk-frontend.min.js"),
  "utf8",
).replace(/\/\/# sourceMappingURL=\S+\s*$/, "");
writeFileSync(join(target, "govuk-frontend.min.js"), script);

// The npm package ships no LICENSE file (package.json says "MIT"), so write
// the upstream licence text (alphagov/govuk-frontend LICENSE.txt) next to it.
if (license !== "MIT") {
  throw new Error(`govuk-frontend licence changed to ${license}; update copy-assets.mjs`);
}
writeFileSync(
  join(target, "LICENSE.txt"),
  `GOV.UK Frontend ${version} - https://github.com/alphagov/govuk-frontend

The MIT License (MIT)

Copyright (C) 2017 Crown Copyright (Government Digital Service)

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`,
);

console.log(`Copied govuk-frontend ${version} JavaScript and licence to ${target}`);

const validationLibraries = [
  { name: "jquery", script: "dist/jquery.min.js", licence: "LICENSE.txt" },
  { name: "jquery-validation", script: "dist/jquery.validate.min.js", licence: "LICENSE.md" },
  {
    name: "jquery-validation-unobtrusive",
    script: "dist/jquery.validate.unobtrusive.min.js",
    licence: "LICENSE.txt",
  },
];

for (const library of validationLibraries) {
  const from = join(here, "node_modules", library.name);
  const to = join(here, "..", "wwwroot", "lib", library.name);
  const { version: libraryVersion } = JSON.parse(readFileSync(join(from, "package.json"), "utf8"));
  mkdirSync(to, { recursive: true });
  copyFileSync(join(from, library.script), join(to, library.script.split("/").pop()));
  copyFileSync(join(from, library.licence), join(to, library.licence));
  console.log(`Copied ${library.name} ${libraryVersion} and licence to ${to}`);
}
