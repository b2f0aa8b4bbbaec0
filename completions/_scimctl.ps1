
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'scimctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'scimctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'scimctl' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Create, list, show and delete tenants (customer subscriptions)')
            [CompletionResult]::new('scim', 'scim', [CompletionResultType]::ParameterValue, 'Turn SCIM provisioning on or off for a tenant and show its status')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the tenant URL to paste into the identity provider')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Generate, regenerate, revoke and inspect the tenant''s SCIM secret token')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Add, list and show the tenant''s members')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Create groups and assign properties, roles and permissions to them')
            [CompletionResult]::new('invitations', 'invitations', [CompletionResultType]::ParameterValue, 'The tenant''s sign-up emails: list, resend, deliver, redeem a link')
            [CompletionResult]::new('properties', 'properties', [CompletionResultType]::ParameterValue, 'Add and list the tenant''s properties (sites)')
            [CompletionResult]::new('mapping', 'mapping', [CompletionResultType]::ParameterValue, 'The attributes the product takes from an identity provider; check Entra''s mapping')
            [CompletionResult]::new('test-connection', 'test-connection', [CompletionResultType]::ParameterValue, 'Test the connection as Entra''s Test Connection does, step by step')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The provisioning log: every SCIM request, filterable and followable')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Provisioning events: every change to users, groups, tokens and SCIM, with a cursor')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Explain a user, a logged request or the tenant: a verdict and the fix')
            [CompletionResult]::new('directory', 'directory', [CompletionResultType]::ParameterValue, 'Support operations over tenants: move a directory to a new subscription')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the SCIM 2.0 endpoint that identity providers provision into')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'The full-screen dashboard: status, token, members, groups, live log, actions')
            [CompletionResult]::new('admin-key', 'admin-key', [CompletionResultType]::ParameterValue, 'Create, list and revoke the admin API''s keys (on the server host)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check an admin key against a remote server and keep it in the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the profile''s admin key from the OS keyring')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'The remote servers of the config file (see ''scimctl login'')')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Signed webhooks: endpoints that get the tenant''s provisioning events')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration and where each value comes from')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions or man pages (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;tenant' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a tenant; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List all tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant (default: --tenant, or the only one)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a tenant with its members, groups and tokens')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;tenant;create' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Id to use in the tenant URL (a-z, 0-9, ''-'', ''_''; default: a random UUID)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Attribute policy of the tenant''s SCIM endpoint')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;tenant;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;tenant;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;tenant;delete' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm the deletion (required: it cannot be undone)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;tenant;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a tenant; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List all tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant (default: --tenant, or the only one)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a tenant with its members, groups and tokens')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;tenant;help;create' {
            break
        }
        'scimctl;tenant;help;list' {
            break
        }
        'scimctl;tenant;help;show' {
            break
        }
        'scimctl;tenant;help;delete' {
            break
        }
        'scimctl;tenant;help;help' {
            break
        }
        'scimctl;scim' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn SCIM provisioning on for the tenant')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn it off: every SCIM request gets 403 "Operation not permitted"')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Is SCIM on, the tenant URL, the token''s age and use, member counts')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The tenant''s attribute policy')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, 'The deprovisioning guard: hold an identity provider that deactivates too many users at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;scim;enable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;disable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;status' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;policy' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set it (only while the tenant has no members)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;scim;policy;set' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;policy;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set it (only while the tenant has no members)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;scim;policy;help;set' {
            break
        }
        'scimctl;scim;policy;help;help' {
            break
        }
        'scimctl;scim;guard' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Its threshold, window, count and hold')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Let the held deactivations and deletions through on the IdP''s next retries')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Keep holding them: the identity provider''s scope must be fixed')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'End a hold without letting it through (after the IdP''s scope is fixed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;scim;guard;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;guard;set' {
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Deprovisionings allowed per window: a number (25) or a percentage (10%)')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'The window they are counted in, e.g. 1h, 30m, 1d')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Turn the guard off (a hold in force ends)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;guard;approve' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;guard;reject' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;guard;reset' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;scim;guard;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Its threshold, window, count and hold')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Let the held deactivations and deletions through on the IdP''s next retries')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Keep holding them: the identity provider''s scope must be fixed')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'End a hold without letting it through (after the IdP''s scope is fixed)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;scim;guard;help;show' {
            break
        }
        'scimctl;scim;guard;help;set' {
            break
        }
        'scimctl;scim;guard;help;approve' {
            break
        }
        'scimctl;scim;guard;help;reject' {
            break
        }
        'scimctl;scim;guard;help;reset' {
            break
        }
        'scimctl;scim;guard;help;help' {
            break
        }
        'scimctl;scim;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn SCIM provisioning on for the tenant')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn it off: every SCIM request gets 403 "Operation not permitted"')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Is SCIM on, the tenant URL, the token''s age and use, member counts')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The tenant''s attribute policy')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, 'The deprovisioning guard: hold an identity provider that deactivates too many users at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;scim;help;enable' {
            break
        }
        'scimctl;scim;help;disable' {
            break
        }
        'scimctl;scim;help;status' {
            break
        }
        'scimctl;scim;help;policy' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set it (only while the tenant has no members)')
            break
        }
        'scimctl;scim;help;policy;set' {
            break
        }
        'scimctl;scim;help;guard' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Its threshold, window, count and hold')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Let the held deactivations and deletions through on the IdP''s next retries')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Keep holding them: the identity provider''s scope must be fixed')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'End a hold without letting it through (after the IdP''s scope is fixed)')
            break
        }
        'scimctl;scim;help;guard;show' {
            break
        }
        'scimctl;scim;help;guard;set' {
            break
        }
        'scimctl;scim;help;guard;approve' {
            break
        }
        'scimctl;scim;help;guard;reject' {
            break
        }
        'scimctl;scim;help;guard;reset' {
            break
        }
        'scimctl;scim;help;help' {
            break
        }
        'scimctl;url' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;token' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate the tenant''s secret token (refused when one exists)')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Replace the token: the old one stops working when this returns (or when --grace ends)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke the token: SCIM requests are refused until a new one is generated')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The token''s fingerprint, age and last use (never the secret)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check whether a token is the tenant''s current one (read from stdin or env)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;token;generate' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--save-to-keyring', '--save-to-keyring', [CompletionResultType]::ParameterName, 'Also store the new token in the OS keyring, for ''test-connection'' without --token-stdin/--token-env')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;token;regenerate' {
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'Keep the old token valid this long (e.g. 15m, 1h, 2d; at most 30d), for zero-downtime rotation; end it early with ''token revoke --previous''')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--save-to-keyring', '--save-to-keyring', [CompletionResultType]::ParameterName, 'Also store the new token in the OS keyring, for ''test-connection'' without --token-stdin/--token-env')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;token;revoke' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--previous', '--previous', [CompletionResultType]::ParameterName, 'End only the previous token''s grace period (after a rotation with --grace), once the identity provider uses the new token')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;token;status' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;token;verify' {
            [CompletionResult]::new('--token-env', '--token-env', [CompletionResultType]::ParameterName, 'Read the token from this environment variable')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from standard input (first line)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;token;help' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate the tenant''s secret token (refused when one exists)')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Replace the token: the old one stops working when this returns (or when --grace ends)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke the token: SCIM requests are refused until a new one is generated')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The token''s fingerprint, age and last use (never the secret)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check whether a token is the tenant''s current one (read from stdin or env)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;token;help;generate' {
            break
        }
        'scimctl;token;help;regenerate' {
            break
        }
        'scimctl;token;help;revoke' {
            break
        }
        'scimctl;token;help;status' {
            break
        }
        'scimctl;token;help;verify' {
            break
        }
        'scimctl;token;help;help' {
            break
        }
        'scimctl;users' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member as the product''s admins would (tenant-managed)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s members in email order, a page at a time')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member: owner, kind, groups, properties, invitation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;users;add' {
            [CompletionResult]::new('--given-name', '--given-name', [CompletionResultType]::ParameterName, 'given-name')
            [CompletionResult]::new('--family-name', '--family-name', [CompletionResultType]::ParameterName, 'family-name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--central', '--central', [CompletionResultType]::ParameterName, 'A portfolio-level (central) user, which SCIM never manages')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;users;list' {
            [CompletionResult]::new('--managed-by', '--managed-by', [CompletionResultType]::ParameterName, 'Only members with this owner')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only members whose email or name contains TEXT (any letter case)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Members per page')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Start after this email (the previous page''s last; printed as the next-page hint)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--pending-transfer', '--pending-transfer', [CompletionResultType]::ParameterName, 'Only property users still waiting for the IdP''s first write')
            [CompletionResult]::new('--inactive', '--inactive', [CompletionResultType]::ParameterName, 'Only disabled members (active=false)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;users;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;users;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member as the product''s admins would (tenant-managed)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s members in email order, a page at a time')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member: owner, kind, groups, properties, invitation')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;users;help;add' {
            break
        }
        'scimctl;users;help;list' {
            break
        }
        'scimctl;users;help;show' {
            break
        }
        'scimctl;users;help;help' {
            break
        }
        'scimctl;groups' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group in the tenant')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a group properties, roles or permissions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s groups with their assignments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one group: assignments and members')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;groups;create' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;groups;assign' {
            [CompletionResult]::new('--property', '--property', [CompletionResultType]::ParameterName, 'A property (by name); repeat for several')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'A role; repeat for several')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'A permission; repeat for several')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;groups;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;groups;show' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many members to list (0 = all)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;groups;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group in the tenant')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a group properties, roles or permissions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s groups with their assignments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one group: assignments and members')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;groups;help;create' {
            break
        }
        'scimctl;groups;help;assign' {
            break
        }
        'scimctl;groups;help;list' {
            break
        }
        'scimctl;groups;help;show' {
            break
        }
        'scimctl;groups;help;help' {
            break
        }
        'scimctl;invitations' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s sign-up emails: queued, retrying, sent, redeemed, failed')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Send a member''s sign-up email again, with a new link (the old link stops working at once)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Send the sign-up emails that are due, once, and exit (for cron; ''serve'' does it continuously)')
            [CompletionResult]::new('redeem', 'redeem', [CompletionResultType]::ParameterValue, 'Redeem a sign-up link''s token, read from standard input (what the product''s sign-up page does)')
            [CompletionResult]::new('smtp-login', 'smtp-login', [CompletionResultType]::ParameterValue, 'Store the SMTP password in the OS keyring (read from standard input or the terminal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;invitations;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this member''s')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--pending', '--pending', [CompletionResultType]::ParameterName, 'Only those not sent yet (queued or retrying)')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only those given up (the SMTP server refused them)')
            [CompletionResult]::new('--sent', '--sent', [CompletionResultType]::ParameterName, 'Only those sent (redeemed or not)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;invitations;resend' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;invitations;deliver' {
            [CompletionResult]::new('--smtp-url', '--smtp-url', [CompletionResultType]::ParameterName, 'The SMTP server: smtp://127.0.0.1:25 (loopback only), smtp://HOST:587?tls=starttls, smtps://HOST:465')
            [CompletionResult]::new('--mail-from', '--mail-from', [CompletionResultType]::ParameterName, 'The sender, e.g. "Acme <no-reply@acme.example>"')
            [CompletionResult]::new('--signup-url', '--signup-url', [CompletionResultType]::ParameterName, 'The sign-up link, with {token} (and optionally {tenant}) in it')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;invitations;redeem' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;invitations;smtp-login' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;invitations;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s sign-up emails: queued, retrying, sent, redeemed, failed')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Send a member''s sign-up email again, with a new link (the old link stops working at once)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Send the sign-up emails that are due, once, and exit (for cron; ''serve'' does it continuously)')
            [CompletionResult]::new('redeem', 'redeem', [CompletionResultType]::ParameterValue, 'Redeem a sign-up link''s token, read from standard input (what the product''s sign-up page does)')
            [CompletionResult]::new('smtp-login', 'smtp-login', [CompletionResultType]::ParameterValue, 'Store the SMTP password in the OS keyring (read from standard input or the terminal)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;invitations;help;list' {
            break
        }
        'scimctl;invitations;help;resend' {
            break
        }
        'scimctl;invitations;help;deliver' {
            break
        }
        'scimctl;invitations;help;redeem' {
            break
        }
        'scimctl;invitations;help;smtp-login' {
            break
        }
        'scimctl;invitations;help;help' {
            break
        }
        'scimctl;properties' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a property (a site, e.g. a hotel)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s properties')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;properties;add' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;properties;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;properties;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a property (a site, e.g. a hotel)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s properties')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;properties;help;add' {
            break
        }
        'scimctl;properties;help;list' {
            break
        }
        'scimctl;properties;help;help' {
            break
        }
        'scimctl;mapping' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The attributes the product supports, and what to map them from in Entra')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a mapping exported from Entra: what to remove, what is missing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;mapping;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;mapping;check' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;mapping;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The attributes the product supports, and what to map them from in Entra')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a mapping exported from Entra: what to remove, what is missing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;mapping;help;show' {
            break
        }
        'scimctl;mapping;help;check' {
            break
        }
        'scimctl;mapping;help;help' {
            break
        }
        'scimctl;test-connection' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'SCIM base URL to test [default: the tenant URL, as ''scimctl url'' prints it]')
            [CompletionResult]::new('--token-env', '--token-env', [CompletionResultType]::ParameterName, 'Read the token from this environment variable')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each step (DNS, connect, TLS handshake, each HTTP answer)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Also trust the certificates in this PEM file (a private CA, or the server''s self-signed certificate)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from standard input (first line) [default: the OS keyring entry ''token generate|regenerate --save-to-keyring'' wrote]')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Then run a validator-style suite: discovery documents, and a throwaway user and group created, filtered, patched, disabled and deleted')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;log' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only requests about this user (email)')
            [CompletionResult]::new('--request', '--request', [CompletionResultType]::ParameterName, 'Only this request id (from an error''s detail, e.g. r-5f2c…)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only requests newer than this (e.g. 15m, 2h, 7d)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many of the newest records to show')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--errors', '--errors', [CompletionResultType]::ParameterName, 'Only failed requests (status 400 and above)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new records as they arrive (Ctrl-C to stop)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new records as they arrive (Ctrl-C to stop)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;events' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only events of this type (repeatable), e.g. user.created, group.member_added')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Only events after this cursor (an event''s seq; 0 for the oldest kept)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many events to show: the newest, or with --after the oldest after it')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new events as they are written (Ctrl-C to stop)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new events as they are written (Ctrl-C to stop)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;diagnose' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Why a user is (not) provisioned, refused, disabled or without a sign-up email')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'What one logged request did, why it failed and what to do')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Is the tenant''s provisioning healthy: SCIM, token, error rate, transfers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;diagnose;user' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;diagnose;request' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;diagnose;tenant' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;diagnose;help' {
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Why a user is (not) provisioned, refused, disabled or without a sign-up email')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'What one logged request did, why it failed and what to do')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Is the tenant''s provisioning healthy: SCIM, token, error rate, transfers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;diagnose;help;user' {
            break
        }
        'scimctl;diagnose;help;request' {
            break
        }
        'scimctl;diagnose;help;tenant' {
            break
        }
        'scimctl;diagnose;help;help' {
            break
        }
        'scimctl;directory' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW''s identity provider takes them over')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;directory;move' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The tenant the users are linked to now (id or name)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The tenant the customer moved to (id or name)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Members per transaction (the move is resumable: run it again after an interruption)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Only say what would move, what conflicts and what would be done about it')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;directory;help' {
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW''s identity provider takes them over')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;directory;help;move' {
            break
        }
        'scimctl;directory;help;help' {
            break
        }
        'scimctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on')
            [CompletionResult]::new('--public-url', '--public-url', [CompletionResultType]::ParameterName, 'Base of the tenant URLs given to identity providers (default: the configured public_url, or http://<listen address>)')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Serve HTTPS with this certificate chain (PEM, leaf first)')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'The certificate''s private key (PEM; keep it mode 0600)')
            [CompletionResult]::new('--smtp-url', '--smtp-url', [CompletionResultType]::ParameterName, 'The SMTP server: smtp://127.0.0.1:25 (loopback only), smtp://HOST:587?tls=starttls, smtps://HOST:465')
            [CompletionResult]::new('--mail-from', '--mail-from', [CompletionResultType]::ParameterName, 'The sender, e.g. "Acme <no-reply@acme.example>"')
            [CompletionResult]::new('--signup-url', '--signup-url', [CompletionResultType]::ParameterName, 'The sign-up link, with {token} (and optionally {tenant}) in it')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--allow-insecure-http', '--allow-insecure-http', [CompletionResultType]::ParameterName, 'Serve plain HTTP on a non-loopback address (tokens then cross the network in clear: only behind a TLS-terminating proxy)')
            [CompletionResult]::new('--no-provisioning-log', '--no-provisioning-log', [CompletionResultType]::ParameterName, 'Do not record the provisioning log (benchmark comparisons only)')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;dashboard' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;admin-key' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin keys: name, scope, fingerprint, use (never the key)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an admin key: its next request is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;admin-key;create' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;admin-key;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;admin-key;revoke' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;admin-key;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin keys: name, scope, fingerprint, use (never the key)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an admin key: its next request is refused')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;admin-key;help;create' {
            break
        }
        'scimctl;admin-key;help;list' {
            break
        }
        'scimctl;admin-key;help;revoke' {
            break
        }
        'scimctl;admin-key;help;help' {
            break
        }
        'scimctl;login' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Also trust the certificates in this PEM file (a private CA); remembered in the profile')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;logout' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--forget', '--forget', [CompletionResultType]::ParameterName, 'Also remove the profile from the config file')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;profiles' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles: server, tenant, whether the keyring holds a key, and the default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;profiles;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;profiles;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles: server, tenant, whether the keyring holds a key, and the default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;profiles;help;list' {
            break
        }
        'scimctl;profiles;help;help' {
            break
        }
        'scimctl;webhook' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a signed webhook endpoint for the tenant; prints its signing secret once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The tenant''s endpoints: URL, event types, state, cursor, failures')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an endpoint and its deliveries')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable an endpoint again after it was disabled by failures')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a webhook.test ping through the delivery path and show the result')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'What was sent: the newest deliveries, their status and the receiver''s answer')
            [CompletionResult]::new('redeliver', 'redeliver', [CompletionResultType]::ParameterValue, 'Send a delivery''s message again (same webhook-id, same body)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'One delivery pass on the local store (for a store no ''scimctl serve'' runs on)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;webhook;add' {
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only events of this type (repeatable; e.g. user.created); default: every type')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;list' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;remove' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;enable' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;test' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Queue the ping and return at once, without waiting for its result')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;deliveries' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many, newest first (at most 200)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only failed deliveries')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;redeliver' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;deliver' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;webhook;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a signed webhook endpoint for the tenant; prints its signing secret once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The tenant''s endpoints: URL, event types, state, cursor, failures')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an endpoint and its deliveries')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable an endpoint again after it was disabled by failures')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a webhook.test ping through the delivery path and show the result')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'What was sent: the newest deliveries, their status and the receiver''s answer')
            [CompletionResult]::new('redeliver', 'redeliver', [CompletionResultType]::ParameterValue, 'Send a delivery''s message again (same webhook-id, same body)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'One delivery pass on the local store (for a store no ''scimctl serve'' runs on)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;webhook;help;add' {
            break
        }
        'scimctl;webhook;help;list' {
            break
        }
        'scimctl;webhook;help;remove' {
            break
        }
        'scimctl;webhook;help;enable' {
            break
        }
        'scimctl;webhook;help;test' {
            break
        }
        'scimctl;webhook;help;deliveries' {
            break
        }
        'scimctl;webhook;help;redeliver' {
            break
        }
        'scimctl;webhook;help;deliver' {
            break
        }
        'scimctl;webhook;help;help' {
            break
        }
        'scimctl;config' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print each effective setting with its source (flag, env, file, default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;config;show' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print each effective setting with its source (flag, env, file, default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;config;help;show' {
            break
        }
        'scimctl;config;help;help' {
            break
        }
        'scimctl;generate' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions for bash, zsh, fish, powershell and elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Man pages: scimctl.1 and one page per subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;generate;completions' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'out-dir')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;generate;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'out-dir')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'Tenant to act on, by id or name (default: the only tenant)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: tables for people, stable JSON for scripts')
            [CompletionResult]::new('--admin-key-stdin', '--admin-key-stdin', [CompletionResultType]::ParameterName, 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only data and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour (also NO_COLOR)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;generate;help' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions for bash, zsh, fish, powershell and elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Man pages: scimctl.1 and one page per subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;generate;help;completions' {
            break
        }
        'scimctl;generate;help;man' {
            break
        }
        'scimctl;generate;help;help' {
            break
        }
        'scimctl;help' {
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Create, list, show and delete tenants (customer subscriptions)')
            [CompletionResult]::new('scim', 'scim', [CompletionResultType]::ParameterValue, 'Turn SCIM provisioning on or off for a tenant and show its status')
            [CompletionResult]::new('url', 'url', [CompletionResultType]::ParameterValue, 'Print the tenant URL to paste into the identity provider')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Generate, regenerate, revoke and inspect the tenant''s SCIM secret token')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Add, list and show the tenant''s members')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'Create groups and assign properties, roles and permissions to them')
            [CompletionResult]::new('invitations', 'invitations', [CompletionResultType]::ParameterValue, 'The tenant''s sign-up emails: list, resend, deliver, redeem a link')
            [CompletionResult]::new('properties', 'properties', [CompletionResultType]::ParameterValue, 'Add and list the tenant''s properties (sites)')
            [CompletionResult]::new('mapping', 'mapping', [CompletionResultType]::ParameterValue, 'The attributes the product takes from an identity provider; check Entra''s mapping')
            [CompletionResult]::new('test-connection', 'test-connection', [CompletionResultType]::ParameterValue, 'Test the connection as Entra''s Test Connection does, step by step')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'The provisioning log: every SCIM request, filterable and followable')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'Provisioning events: every change to users, groups, tokens and SCIM, with a cursor')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Explain a user, a logged request or the tenant: a verdict and the fix')
            [CompletionResult]::new('directory', 'directory', [CompletionResultType]::ParameterValue, 'Support operations over tenants: move a directory to a new subscription')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the SCIM 2.0 endpoint that identity providers provision into')
            [CompletionResult]::new('dashboard', 'dashboard', [CompletionResultType]::ParameterValue, 'The full-screen dashboard: status, token, members, groups, live log, actions')
            [CompletionResult]::new('admin-key', 'admin-key', [CompletionResultType]::ParameterValue, 'Create, list and revoke the admin API''s keys (on the server host)')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check an admin key against a remote server and keep it in the OS keyring')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the profile''s admin key from the OS keyring')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'The remote servers of the config file (see ''scimctl login'')')
            [CompletionResult]::new('webhook', 'webhook', [CompletionResultType]::ParameterValue, 'Signed webhooks: endpoints that get the tenant''s provisioning events')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration and where each value comes from')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Write shell completions or man pages (for packagers)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;help;tenant' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a tenant; prints its id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List all tenants')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one tenant (default: --tenant, or the only one)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a tenant with its members, groups and tokens')
            break
        }
        'scimctl;help;tenant;create' {
            break
        }
        'scimctl;help;tenant;list' {
            break
        }
        'scimctl;help;tenant;show' {
            break
        }
        'scimctl;help;tenant;delete' {
            break
        }
        'scimctl;help;scim' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn SCIM provisioning on for the tenant')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn it off: every SCIM request gets 403 "Operation not permitted"')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Is SCIM on, the tenant URL, the token''s age and use, member counts')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The tenant''s attribute policy')
            [CompletionResult]::new('guard', 'guard', [CompletionResultType]::ParameterValue, 'The deprovisioning guard: hold an identity provider that deactivates too many users at once')
            break
        }
        'scimctl;help;scim;enable' {
            break
        }
        'scimctl;help;scim;disable' {
            break
        }
        'scimctl;help;scim;status' {
            break
        }
        'scimctl;help;scim;policy' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set it (only while the tenant has no members)')
            break
        }
        'scimctl;help;scim;policy;set' {
            break
        }
        'scimctl;help;scim;guard' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Its threshold, window, count and hold')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Let the held deactivations and deletions through on the IdP''s next retries')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Keep holding them: the identity provider''s scope must be fixed')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'End a hold without letting it through (after the IdP''s scope is fixed)')
            break
        }
        'scimctl;help;scim;guard;show' {
            break
        }
        'scimctl;help;scim;guard;set' {
            break
        }
        'scimctl;help;scim;guard;approve' {
            break
        }
        'scimctl;help;scim;guard;reject' {
            break
        }
        'scimctl;help;scim;guard;reset' {
            break
        }
        'scimctl;help;url' {
            break
        }
        'scimctl;help;token' {
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate the tenant''s secret token (refused when one exists)')
            [CompletionResult]::new('regenerate', 'regenerate', [CompletionResultType]::ParameterValue, 'Replace the token: the old one stops working when this returns (or when --grace ends)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke the token: SCIM requests are refused until a new one is generated')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The token''s fingerprint, age and last use (never the secret)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check whether a token is the tenant''s current one (read from stdin or env)')
            break
        }
        'scimctl;help;token;generate' {
            break
        }
        'scimctl;help;token;regenerate' {
            break
        }
        'scimctl;help;token;revoke' {
            break
        }
        'scimctl;help;token;status' {
            break
        }
        'scimctl;help;token;verify' {
            break
        }
        'scimctl;help;users' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a member as the product''s admins would (tenant-managed)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s members in email order, a page at a time')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member: owner, kind, groups, properties, invitation')
            break
        }
        'scimctl;help;users;add' {
            break
        }
        'scimctl;help;users;list' {
            break
        }
        'scimctl;help;users;show' {
            break
        }
        'scimctl;help;groups' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a group in the tenant')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a group properties, roles or permissions')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s groups with their assignments')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one group: assignments and members')
            break
        }
        'scimctl;help;groups;create' {
            break
        }
        'scimctl;help;groups;assign' {
            break
        }
        'scimctl;help;groups;list' {
            break
        }
        'scimctl;help;groups;show' {
            break
        }
        'scimctl;help;invitations' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s sign-up emails: queued, retrying, sent, redeemed, failed')
            [CompletionResult]::new('resend', 'resend', [CompletionResultType]::ParameterValue, 'Send a member''s sign-up email again, with a new link (the old link stops working at once)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Send the sign-up emails that are due, once, and exit (for cron; ''serve'' does it continuously)')
            [CompletionResult]::new('redeem', 'redeem', [CompletionResultType]::ParameterValue, 'Redeem a sign-up link''s token, read from standard input (what the product''s sign-up page does)')
            [CompletionResult]::new('smtp-login', 'smtp-login', [CompletionResultType]::ParameterValue, 'Store the SMTP password in the OS keyring (read from standard input or the terminal)')
            break
        }
        'scimctl;help;invitations;list' {
            break
        }
        'scimctl;help;invitations;resend' {
            break
        }
        'scimctl;help;invitations;deliver' {
            break
        }
        'scimctl;help;invitations;redeem' {
            break
        }
        'scimctl;help;invitations;smtp-login' {
            break
        }
        'scimctl;help;properties' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a property (a site, e.g. a hotel)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the tenant''s properties')
            break
        }
        'scimctl;help;properties;add' {
            break
        }
        'scimctl;help;properties;list' {
            break
        }
        'scimctl;help;mapping' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'The attributes the product supports, and what to map them from in Entra')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a mapping exported from Entra: what to remove, what is missing')
            break
        }
        'scimctl;help;mapping;show' {
            break
        }
        'scimctl;help;mapping;check' {
            break
        }
        'scimctl;help;test-connection' {
            break
        }
        'scimctl;help;log' {
            break
        }
        'scimctl;help;events' {
            break
        }
        'scimctl;help;diagnose' {
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Why a user is (not) provisioned, refused, disabled or without a sign-up email')
            [CompletionResult]::new('request', 'request', [CompletionResultType]::ParameterValue, 'What one logged request did, why it failed and what to do')
            [CompletionResult]::new('tenant', 'tenant', [CompletionResultType]::ParameterValue, 'Is the tenant''s provisioning healthy: SCIM, token, error rate, transfers')
            break
        }
        'scimctl;help;diagnose;user' {
            break
        }
        'scimctl;help;diagnose;request' {
            break
        }
        'scimctl;help;diagnose;tenant' {
            break
        }
        'scimctl;help;directory' {
            [CompletionResult]::new('move', 'move', [CompletionResultType]::ParameterValue, 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW''s identity provider takes them over')
            break
        }
        'scimctl;help;directory;move' {
            break
        }
        'scimctl;help;serve' {
            break
        }
        'scimctl;help;dashboard' {
            break
        }
        'scimctl;help;admin-key' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the admin keys: name, scope, fingerprint, use (never the key)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an admin key: its next request is refused')
            break
        }
        'scimctl;help;admin-key;create' {
            break
        }
        'scimctl;help;admin-key;list' {
            break
        }
        'scimctl;help;admin-key;revoke' {
            break
        }
        'scimctl;help;login' {
            break
        }
        'scimctl;help;logout' {
            break
        }
        'scimctl;help;profiles' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles: server, tenant, whether the keyring holds a key, and the default')
            break
        }
        'scimctl;help;profiles;list' {
            break
        }
        'scimctl;help;webhook' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a signed webhook endpoint for the tenant; prints its signing secret once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The tenant''s endpoints: URL, event types, state, cursor, failures')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an endpoint and its deliveries')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable an endpoint again after it was disabled by failures')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send a webhook.test ping through the delivery path and show the result')
            [CompletionResult]::new('deliveries', 'deliveries', [CompletionResultType]::ParameterValue, 'What was sent: the newest deliveries, their status and the receiver''s answer')
            [CompletionResult]::new('redeliver', 'redeliver', [CompletionResultType]::ParameterValue, 'Send a delivery''s message again (same webhook-id, same body)')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'One delivery pass on the local store (for a store no ''scimctl serve'' runs on)')
            break
        }
        'scimctl;help;webhook;add' {
            break
        }
        'scimctl;help;webhook;list' {
            break
        }
        'scimctl;help;webhook;remove' {
            break
        }
        'scimctl;help;webhook;enable' {
            break
        }
        'scimctl;help;webhook;test' {
            break
        }
        'scimctl;help;webhook;deliveries' {
            break
        }
        'scimctl;help;webhook;redeliver' {
            break
        }
        'scimctl;help;webhook;deliver' {
            break
        }
        'scimctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print each effective setting with its source (flag, env, file, default)')
            break
        }
        'scimctl;help;config;show' {
            break
        }
        'scimctl;help;generate' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Shell completions for bash, zsh, fish, powershell and elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Man pages: scimctl.1 and one page per subcommand')
            break
        }
        'scimctl;help;generate;completions' {
            break
        }
        'scimctl;help;generate;man' {
            break
        }
        'scimctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
