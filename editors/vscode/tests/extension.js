// Loads ../extension.js in Node with stand-ins for the `vscode` module (which
// only exists inside VS Code) and `vscode-languageclient/node`, activates it
// with the settings given as JSON in argv[2], changes the server command to
// argv[3] (when given), deactivates it, and prints what happened as JSON for
// tests/test_editors.py to check.
'use strict';

const Module = require('module');

const settings = JSON.parse(process.argv[2] || '{}');
const events = [];
const listeners = [];

const vscode = {
  workspace: {
    getConfiguration(section) {
      events.push(['getConfiguration', section]);
      return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
    },
    onDidChangeConfiguration(listener) {
      listeners.push(listener);
      return { dispose() {} };
    },
  },
};

let made = 0;
class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.n = ++made;
    events.push(['new', { id, name, serverOptions, clientOptions }]);
  }
  start() {
    events.push(['start', this.n]);
    return Promise.resolve();
  }
  stop() {
    events.push(['stop', this.n]);
    return Promise.resolve();
  }
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'vscode') return vscode;
  if (request === 'vscode-languageclient/node') return { LanguageClient };
  return load.call(this, request, ...rest);
};

(async () => {
  const extension = require('../extension.js');
  const context = { subscriptions: [] };
  await extension.activate(context);
  events.push(['subscriptions', context.subscriptions.length]);
  const unrelated = { affectsConfiguration: (section) => section === 'careerledger.root' };
  for (const listener of listeners) await listener(unrelated);
  if (process.argv[3]) {
    settings['server.command'] = JSON.parse(process.argv[3]);
    const changed = { affectsConfiguration: (section) => section.startsWith('careerledger') };
    for (const listener of listeners) await listener(changed);
  }
  await extension.deactivate();
  process.stdout.write(JSON.stringify(events));
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
