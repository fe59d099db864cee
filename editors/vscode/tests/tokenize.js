#!/usr/bin/env node
// Tokenise .career files with the extension's TextMate grammar, exactly as VS Code
// does (vscode-textmate on the Oniguruma regex engine), and print the tokens as
// JSON: {"file": [[line, startColumn, endColumn, "text", ["scope", ...]], ...]}.
// Lines and columns count from 0; a token ends before endColumn.
//
//   node tests/tokenize.js FILE...
//
// tests/test_editors.py uses it to check that no example of the repository holds
// an `invalid` scope.
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const GRAMMAR = path.join(__dirname, '..', 'syntaxes', 'career.tmLanguage.json');
const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;

const registry = new vsctm.Registry({
  onigLib: oniguruma.loadWASM(wasm).then(() => ({
    createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s) => new oniguruma.OnigString(s),
  })),
  loadGrammar: async (scopeName) => {
    if (scopeName !== 'source.career') return null;
    return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR, 'utf8'), GRAMMAR);
  },
});

async function main(files) {
  const grammar = await registry.loadGrammar('source.career');
  const out = {};
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    let state = vsctm.INITIAL;
    const tokens = [];
    lines.forEach((line, n) => {
      const result = grammar.tokenizeLine(line, state);
      for (const t of result.tokens) {
        const end = Math.min(t.endIndex, line.length);
        if (end > t.startIndex) tokens.push([n, t.startIndex, end, line.slice(t.startIndex, end), t.scopes]);
      }
      state = result.ruleStack;
    });
    out[file] = tokens;
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exit(1);
});
