// Theme/assets/search.js must fold, tokenise and rank exactly as Sources/MotCuaKit/Search does.
// Usage: node Tests/quality/search_agreement.js DIR, where DIR holds what SearchIndexFileTests exports
// (MOTCUA_SEARCH_EXPORT=DIR): the index scripts and expected.json, Swift's answers. Prints each
// disagreement; exits 1 if there is any. Run by the Swift test `scriptAgreesWithSwift` when node is installed.
'use strict';
const fs = require('fs'), path = require('path'), vm = require('vm');

const dir = process.argv[2];
const script = fs.readFileSync(path.join(__dirname, '..', '..', 'Theme', 'assets', 'search.js'), 'utf8');
const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'));

// The script in a bare page of its own with one index loaded (it keeps the index's documents once read).
function page(index) {
  const context = vm.createContext({ document: { readyState: 'loading', addEventListener() {} } });
  context.window = context;
  if (index) vm.runInContext(fs.readFileSync(path.join(dir, index), 'utf8'), context);
  vm.runInContext(script, context);
  return context.MotCuaSearch;
}

const problems = [];
let checked = 0;
function compare(what, input, got, want) {
  checked++;
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    problems.push(`${what}(${JSON.stringify(input)}): script ${JSON.stringify(got)}, Swift ${JSON.stringify(want)}`);
  }
}

const text = page(null);
for (const [input, want] of expected.fold) compare('fold', input, text.fold(input), want);
for (const [input, ...want] of expected.tokens) compare('tokens', input, text.tokens(text.fold(input)), want);
for (const [input, want] of expected.toneKey) compare('toneKey', input, text.toneKey(input), want);

// Each list of queries runs against the index of the same name.
const lists = { search: ['search-index.js', 0], realSearch: ['real-index.js', 0], bigSearch: ['big-index.js', 20] };
for (const [name, [index, top]] of Object.entries(lists)) {
  if (!expected[name]) continue;
  const search = page(index).search;
  for (const [query, ...want] of expected[name]) {
    const urls = search(query).map(d => d.url);
    compare(name, query, top ? urls.slice(0, top) : urls, want);
  }
}

for (const p of problems) console.log('FAIL ' + p);
console.log(`${checked - problems.length} of ${checked} answers agree`);
process.exit(problems.length ? 1 : 0);
