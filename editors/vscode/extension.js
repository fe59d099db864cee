// The client of the careerledger language server (docs/lsp.md): VS Code starts
// `careerledger lsp` and talks to it on standard input/output. Plain JavaScript,
// loaded as it is: no build step.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

const DEFAULT_COMMAND = ['careerledger', 'lsp'];
let client;

function settings() {
  const config = vscode.workspace.getConfiguration('careerledger');
  const command = config.get('server.command', DEFAULT_COMMAND);
  return {
    // a malformed setting would spawn nothing and say little: the default instead
    command: Array.isArray(command) && command.length && command.every((a) => typeof a === 'string')
      ? command : DEFAULT_COMMAND,
    // the server reads these once at start; later changes reach it through
    // workspace/didChangeConfiguration (synchronize below)
    initializationOptions: { root: config.get('root', ''), asOf: config.get('asOf', '') },
  };
}

function start() {
  const { command, initializationOptions } = settings();
  client = new LanguageClient(
    'careerledger',
    'careerledger',
    { command: command[0], args: command.slice(1) },
    {
      documentSelector: [{ scheme: 'file', language: 'career' }, { scheme: 'untitled', language: 'career' }],
      initializationOptions,
      synchronize: { configurationSection: 'careerledger' },
    },
  );
  return client.start();
}

async function activate(context) {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(async (event) => {
    // root and asOf are sent to the running server; another command needs another server
    if (event.affectsConfiguration('careerledger.server.command')) {
      await deactivate();
      await start();
    }
  }));
  await start();
}

async function deactivate() {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

module.exports = { activate, deactivate };
