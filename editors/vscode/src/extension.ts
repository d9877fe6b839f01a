// The nestlint extension starts `nestlint lsp` and connects VS Code's
// language client to it over stdio. The server has the whole project in
// memory: a change in a controller updates the findings of the services it
// reaches.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { findBinary } from './binary';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('nestlint');
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const found = findBinary(config.get<string>('path', ''), folders);
  const args = ['lsp', ...config.get<string[]>('args', [])];
  output ??= vscode.window.createOutputChannel('nestlint');
  output.appendLine(`starting ${found.command} ${args.join(' ')} (from ${found.source})`);

  const serverOptions: ServerOptions = {
    command: found.command,
    args,
    transport: TransportKind.stdio,
    options: { cwd: folders[0], shell: process.platform === 'win32' && found.command.endsWith('.cmd') },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
    ],
    outputChannel: output,
    // The server registers its own watchers for nestlint.json, tsconfig
    // and package.json (workspace/didChangeWatchedFiles).
  };
  client = new LanguageClient('nestlint', 'nestlint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const msg = `nestlint: could not start ${found.command}: ${err}. Install the nestlint npm package in the workspace, put nestlint on the PATH, or set nestlint.path.`;
    output.appendLine(msg);
    void vscode.window.showErrorMessage(msg);
    client = undefined;
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    await c.stop();
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('nestlint.restart', async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('nestlint.path') || e.affectsConfiguration('nestlint.args')) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}
