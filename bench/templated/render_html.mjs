// node render_html.mjs THEME RESUME.json OUT.html
// One JSON Resume through a published theme's own render(), as resume-cli does; CDN stylesheets are pointed at the
// same versions installed from npm (the build machine has no internet), so the layout is the theme author's.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const local = (p) => "file://" + path.join(here, "node_modules", p);
const CDN = [
  [/https?:\/\/[^"')]*bootstrap\/3\.[0-9.]+\/css\/bootstrap(\.min)?\.css/g, local("bootstrap/dist/css/bootstrap.min.css")],
  [/https?:\/\/[^"')]*font-awesome\/4\.7\.0\/css\/font-awesome(\.min)?\.css/g, local("font-awesome/css/font-awesome.min.css")],
  [/https?:\/\/[^"')]*font-awesome\/5\.[0-9.]+\/css\/all(\.min)?\.css/g, local("fa5/css/all.min.css")],
  [/https?:\/\/[^"')]*font-awesome\/6\.[0-9.]+\/css\/all(\.min)?\.css/g, local("fa6/css/all.min.css")],
];

const [theme, input, output] = process.argv.slice(2);
const mod = await import(`jsonresume-theme-${theme}`);
const render = mod.render || (mod.default && (mod.default.render || mod.default));
const resume = JSON.parse(fs.readFileSync(input, "utf8"));
// The schema makes every field optional, but some themes (elegant) crash on a resume without profiles.
resume.basics.profiles = resume.basics.profiles || [];
// Older themes read the pre-1.0 schema's `company` for the employer (now `name`): give them both, as their users did.
for (const job of resume.work || []) job.company = job.company || job.name;
let html = await render(resume);
for (const [pattern, replacement] of CDN) html = html.replace(pattern, replacement);
fs.writeFileSync(output, html);
