-- End-to-end test of `nestlint lsp` with Neovim's built-in LSP client
-- (run by scripts/nvim-e2e.sh; works with Neovim 0.7 and later). It opens
-- the fixture's service, waits for the request-path error, edits the
-- controller so that no request reaches the blocking call, and waits for
-- the service's diagnostic to be cleared.
local bin = os.getenv('NESTLINT_BIN')
local root = os.getenv('FIXTURE')
local cache = os.getenv('NESTLINT_CACHE')
local service = root .. '/src/orders/orders.service.ts'
local controller = root .. '/src/orders/orders.controller.ts'
local service_uri = vim.uri_from_fname(service)

local function log(msg)
  io.stderr:write('nvim-e2e: ' .. msg .. '\n')
end

local function fail(msg)
  log('FAIL: ' .. msg)
  vim.cmd('cquit 1')
end

-- The latest diagnostics the server published, by URI.
local published = {}
local exit_code = nil

local function on_diagnostics(err, result, ctx, config)
  if result and result.uri then
    published[result.uri] = result.diagnostics
  end
  return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
end

local client_id = vim.lsp.start_client({
  name = 'nestlint',
  cmd = { bin, 'lsp', '--cache-location', cache },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'shop' } },
  handlers = { ['textDocument/publishDiagnostics'] = on_diagnostics },
  on_exit = function(code)
    exit_code = code
  end,
})
if not client_id then
  fail('could not start ' .. bin)
end

local function find(uri, code)
  for _, d in ipairs(published[uri] or {}) do
    if d.code == code then
      return d
    end
  end
  return nil
end

-- 1. Open the service: the request-path error arrives.
vim.cmd('edit ' .. vim.fn.fnameescape(service))
vim.bo.filetype = 'typescript'
vim.lsp.buf_attach_client(0, client_id)
if not vim.wait(60000, function() return find(service_uri, 'event-loop/sync-io') ~= nil end, 50) then
  fail('no event-loop/sync-io diagnostic for the service: ' .. vim.inspect(published))
end
local d = find(service_uri, 'event-loop/sync-io')
if d.severity ~= 1 or not d.message:find('request path', 1, true) then
  fail('unexpected diagnostic: ' .. vim.inspect(d))
end
local via_controller = false
for _, ri in ipairs(d.relatedInformation or {}) do
  if ri.location.uri == vim.uri_from_fname(controller) then
    via_controller = true
  end
end
if not via_controller then
  fail('the request path does not go through the controller: ' .. vim.inspect(d.relatedInformation))
end
-- Neovim shows it too.
local shown = vim.diagnostic.get(vim.api.nvim_get_current_buf())
if #shown == 0 then
  fail('vim.diagnostic has nothing for the service')
end
log('request-path error received: ' .. d.message)

-- 2. Edit the controller (in the buffer only): the handler no longer calls
-- the service, so the diagnostic must be cleared.
vim.cmd('edit ' .. vim.fn.fnameescape(controller))
vim.bo.filetype = 'typescript'
vim.lsp.buf_attach_client(0, client_id)
local lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local edited = false
for i, l in ipairs(lines) do
  if l:find('this.orders.renderInvoice(id)', 1, true) then
    vim.api.nvim_buf_set_lines(0, i - 1, i, false, { '    return id;' })
    edited = true
  end
end
if not edited then
  fail('the controller has no renderInvoice call')
end
if not vim.wait(60000, function() return published[service_uri] ~= nil and #published[service_uri] == 0 end, 50) then
  fail('the service diagnostic was not cleared: ' .. vim.inspect(published[service_uri]))
end
log('diagnostic cleared after the controller edit')

-- 3. Shutdown and exit: the server exits 0.
vim.lsp.stop_client(client_id)
if not vim.wait(20000, function() return exit_code ~= nil end, 50) then
  fail('the server did not exit')
end
if exit_code ~= 0 then
  fail('the server exited with ' .. tostring(exit_code))
end
log('ok')
vim.cmd('qall!')
