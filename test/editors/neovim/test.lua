-- Runs in headless Neovim after the README's setup (init.lua) has opened a copy of the e2e fixture .env:
-- checks that the language server attaches, publishes its diagnostics, answers a hover, follows a
-- settings change, and serves .env.local as well. Prints one `ok` / `not ok` line per check and quits with exit code 1 if any failed.
local TIMEOUT_MS = 20000
local buf = vim.api.nvim_get_current_buf()
local failures = 0

local function out(line)
  io.stdout:write(line .. '\n')
end

local function check(name, fn)
  local ok, err = pcall(fn)
  if ok then
    out('ok - ' .. name)
  else
    failures = failures + 1
    out('not ok - ' .. name .. ': ' .. tostring(err))
  end
end

local function our_client()
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do
    if client.name == 'mongodb-uri' then
      return client
    end
  end
end

--- Rule id → diagnostic, for the diagnostics of the server in this buffer.
local function diagnostics_by_rule()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'mongodb-uri' then
      found[d.code] = d
    end
  end
  return found
end

local function describe_diagnostics()
  local rules = vim.tbl_keys(diagnostics_by_rule())
  table.sort(rules)
  return '{' .. table.concat(rules, ', ') .. '}'
end

--- The text of the buffer under a diagnostic (one line, byte columns).
local function text_under(d)
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, true)[1]
  return line:sub(d.col + 1, d.end_col)
end

--- The 0-based line and column of `needle` in the buffer, plus `offset` characters.
local function position_of(needle, offset)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, true)) do
    local col = line:find(needle, 1, true)
    if col then
      return { line = i - 1, character = col - 1 + offset }
    end
  end
  error(needle .. ' is not in the buffer')
end

check('the client attaches to the .env buffer (filetype ' .. vim.bo.filetype .. ')', function()
  assert(vim.wait(TIMEOUT_MS, function()
    local client = our_client()
    return client ~= nil and client.initialized
  end, 20), 'no initialized mongodb-uri client on the buffer')
end)

local function finish()
  out(string.format('neovim: %d failed', failures))
  if failures > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

-- Without a client the other checks cannot pass: do not wait for each in turn.
if failures > 0 then
  finish()
end

check('diagnostics: userinfo-unescaped, port-invalid, direct-connection-conflict', function()
  local expected = { ['userinfo-unescaped'] = '@', ['port-invalid'] = '70000', ['direct-connection-conflict'] = 'directConnection=true' }
  local complete = vim.wait(TIMEOUT_MS, function()
    local found = diagnostics_by_rule()
    for rule in pairs(expected) do
      if not found[rule] then
        return false
      end
    end
    return true
  end, 20)
  assert(complete, 'diagnostics ' .. describe_diagnostics())
  local found = diagnostics_by_rule()
  for rule, under in pairs(expected) do
    assert(text_under(found[rule]) == under, rule .. ' is under "' .. text_under(found[rule]) .. '", not "' .. under .. '"')
    assert(found[rule].severity == vim.diagnostic.severity.ERROR, rule .. ' is an error')
  end
  -- Besides the three errors, only advice (information): TLS is off by default for the remote hosts.
  for rule, d in pairs(found) do
    assert(expected[rule] or (rule == 'tls-disabled' and d.severity == vim.diagnostic.severity.INFO), 'nothing else: ' .. describe_diagnostics())
  end
end)

check('hover on an option name documents it', function()
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = position_of('replicaSet=rs0', 3) }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, TIMEOUT_MS)
  assert(responses, 'no answer to textDocument/hover')
  local text = ''
  for _, response in pairs(responses) do
    assert(not response.err, vim.inspect(response.err))
    local contents = response.result and response.result.contents
    if contents then
      text = text .. (type(contents) == 'table' and (contents.value or vim.inspect(contents)) or tostring(contents))
    end
  end
  assert(text:find('replicaSet', 1, true), 'hover text: ' .. text)
  assert(text:find('https://www.mongodb.com/', 1, true), 'hover links to the documentation: ' .. text)
end)

check('a rule turned off in the settings goes without a restart', function()
  local client = our_client()
  client.config.settings = { mongodbUri = { rules = { ['port-invalid'] = 'off' } } }
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  assert(vim.wait(TIMEOUT_MS, function()
    local found = diagnostics_by_rule()
    return found['port-invalid'] == nil and found['userinfo-unescaped'] ~= nil
  end, 20), 'diagnostics ' .. describe_diagnostics())
end)

check('.env.local is checked too', function()
  vim.cmd('edit .env.local')
  buf = vim.api.nvim_get_current_buf()
  assert(vim.wait(TIMEOUT_MS, function()
    return diagnostics_by_rule()['userinfo-unescaped'] ~= nil
  end, 20), 'filetype "' .. vim.bo.filetype .. '", diagnostics ' .. describe_diagnostics())
end)

finish()
