
use builtin;
use str;

set edit:completion:arg-completer[scimctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'scimctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'scimctl'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand tenant 'Create, list, show and delete tenants (customer subscriptions)'
            cand scim 'Turn SCIM provisioning on or off for a tenant and show its status'
            cand url 'Print the tenant URL to paste into the identity provider'
            cand token 'Generate, regenerate, revoke and inspect the tenant''s SCIM secret token'
            cand users 'Add, list and show the tenant''s members'
            cand groups 'Create groups and assign properties, roles and permissions to them'
            cand invitations 'The tenant''s sign-up emails: list, resend, deliver, redeem a link'
            cand properties 'Add and list the tenant''s properties (sites)'
            cand mapping 'The attributes the product takes from an identity provider; check Entra''s mapping'
            cand test-connection 'Test the connection as Entra''s Test Connection does, step by step'
            cand log 'The provisioning log: every SCIM request, filterable and followable'
            cand events 'Provisioning events: every change to users, groups, tokens and SCIM, with a cursor'
            cand diagnose 'Explain a user, a logged request or the tenant: a verdict and the fix'
            cand directory 'Support operations over tenants: move a directory to a new subscription'
            cand serve 'Serve the SCIM 2.0 endpoint that identity providers provision into'
            cand dashboard 'The full-screen dashboard: status, token, members, groups, live log, actions'
            cand admin-key 'Create, list and revoke the admin API''s keys (on the server host)'
            cand login 'Check an admin key against a remote server and keep it in the OS keyring'
            cand logout 'Remove the profile''s admin key from the OS keyring'
            cand profiles 'The remote servers of the config file (see ''scimctl login'')'
            cand webhook 'Signed webhooks: endpoints that get the tenant''s provisioning events'
            cand config 'Show the effective configuration and where each value comes from'
            cand generate 'Write shell completions or man pages (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;tenant'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a tenant; prints its id'
            cand list 'List all tenants'
            cand show 'Show one tenant (default: --tenant, or the only one)'
            cand delete 'Delete a tenant with its members, groups and tokens'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;tenant;create'= {
            cand --id 'Id to use in the tenant URL (a-z, 0-9, ''-'', ''_''; default: a random UUID)'
            cand --policy 'Attribute policy of the tenant''s SCIM endpoint'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;tenant;list'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;tenant;show'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;tenant;delete'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --yes 'Confirm the deletion (required: it cannot be undone)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;tenant;help'= {
            cand create 'Create a tenant; prints its id'
            cand list 'List all tenants'
            cand show 'Show one tenant (default: --tenant, or the only one)'
            cand delete 'Delete a tenant with its members, groups and tokens'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;tenant;help;create'= {
        }
        &'scimctl;tenant;help;list'= {
        }
        &'scimctl;tenant;help;show'= {
        }
        &'scimctl;tenant;help;delete'= {
        }
        &'scimctl;tenant;help;help'= {
        }
        &'scimctl;scim'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enable 'Turn SCIM provisioning on for the tenant'
            cand disable 'Turn it off: every SCIM request gets 403 "Operation not permitted"'
            cand status 'Is SCIM on, the tenant URL, the token''s age and use, member counts'
            cand policy 'The tenant''s attribute policy'
            cand guard 'The deprovisioning guard: hold an identity provider that deactivates too many users at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;scim;enable'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;disable'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;status'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;policy'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Set it (only while the tenant has no members)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;scim;policy;set'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;policy;help'= {
            cand set 'Set it (only while the tenant has no members)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;scim;policy;help;set'= {
        }
        &'scimctl;scim;policy;help;help'= {
        }
        &'scimctl;scim;guard'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Its threshold, window, count and hold'
            cand set 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off'
            cand approve 'Let the held deactivations and deletions through on the IdP''s next retries'
            cand reject 'Keep holding them: the identity provider''s scope must be fixed'
            cand reset 'End a hold without letting it through (after the IdP''s scope is fixed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;scim;guard;show'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;guard;set'= {
            cand --max 'Deprovisionings allowed per window: a number (25) or a percentage (10%)'
            cand --window 'The window they are counted in, e.g. 1h, 30m, 1d'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --off 'Turn the guard off (a hold in force ends)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;guard;approve'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;guard;reject'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;guard;reset'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;scim;guard;help'= {
            cand show 'Its threshold, window, count and hold'
            cand set 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off'
            cand approve 'Let the held deactivations and deletions through on the IdP''s next retries'
            cand reject 'Keep holding them: the identity provider''s scope must be fixed'
            cand reset 'End a hold without letting it through (after the IdP''s scope is fixed)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;scim;guard;help;show'= {
        }
        &'scimctl;scim;guard;help;set'= {
        }
        &'scimctl;scim;guard;help;approve'= {
        }
        &'scimctl;scim;guard;help;reject'= {
        }
        &'scimctl;scim;guard;help;reset'= {
        }
        &'scimctl;scim;guard;help;help'= {
        }
        &'scimctl;scim;help'= {
            cand enable 'Turn SCIM provisioning on for the tenant'
            cand disable 'Turn it off: every SCIM request gets 403 "Operation not permitted"'
            cand status 'Is SCIM on, the tenant URL, the token''s age and use, member counts'
            cand policy 'The tenant''s attribute policy'
            cand guard 'The deprovisioning guard: hold an identity provider that deactivates too many users at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;scim;help;enable'= {
        }
        &'scimctl;scim;help;disable'= {
        }
        &'scimctl;scim;help;status'= {
        }
        &'scimctl;scim;help;policy'= {
            cand set 'Set it (only while the tenant has no members)'
        }
        &'scimctl;scim;help;policy;set'= {
        }
        &'scimctl;scim;help;guard'= {
            cand show 'Its threshold, window, count and hold'
            cand set 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off'
            cand approve 'Let the held deactivations and deletions through on the IdP''s next retries'
            cand reject 'Keep holding them: the identity provider''s scope must be fixed'
            cand reset 'End a hold without letting it through (after the IdP''s scope is fixed)'
        }
        &'scimctl;scim;help;guard;show'= {
        }
        &'scimctl;scim;help;guard;set'= {
        }
        &'scimctl;scim;help;guard;approve'= {
        }
        &'scimctl;scim;help;guard;reject'= {
        }
        &'scimctl;scim;help;guard;reset'= {
        }
        &'scimctl;scim;help;help'= {
        }
        &'scimctl;url'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;token'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand generate 'Generate the tenant''s secret token (refused when one exists)'
            cand regenerate 'Replace the token: the old one stops working when this returns (or when --grace ends)'
            cand revoke 'Revoke the token: SCIM requests are refused until a new one is generated'
            cand status 'The token''s fingerprint, age and last use (never the secret)'
            cand verify 'Check whether a token is the tenant''s current one (read from stdin or env)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;token;generate'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --save-to-keyring 'Also store the new token in the OS keyring, for ''test-connection'' without --token-stdin/--token-env'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;token;regenerate'= {
            cand --grace 'Keep the old token valid this long (e.g. 15m, 1h, 2d; at most 30d), for zero-downtime rotation; end it early with ''token revoke --previous'''
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --save-to-keyring 'Also store the new token in the OS keyring, for ''test-connection'' without --token-stdin/--token-env'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;token;revoke'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --previous 'End only the previous token''s grace period (after a rotation with --grace), once the identity provider uses the new token'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;token;status'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;token;verify'= {
            cand --token-env 'Read the token from this environment variable'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --token-stdin 'Read the token from standard input (first line)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;token;help'= {
            cand generate 'Generate the tenant''s secret token (refused when one exists)'
            cand regenerate 'Replace the token: the old one stops working when this returns (or when --grace ends)'
            cand revoke 'Revoke the token: SCIM requests are refused until a new one is generated'
            cand status 'The token''s fingerprint, age and last use (never the secret)'
            cand verify 'Check whether a token is the tenant''s current one (read from stdin or env)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;token;help;generate'= {
        }
        &'scimctl;token;help;regenerate'= {
        }
        &'scimctl;token;help;revoke'= {
        }
        &'scimctl;token;help;status'= {
        }
        &'scimctl;token;help;verify'= {
        }
        &'scimctl;token;help;help'= {
        }
        &'scimctl;users'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a member as the product''s admins would (tenant-managed)'
            cand list 'List the tenant''s members in email order, a page at a time'
            cand show 'Show one member: owner, kind, groups, properties, invitation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;users;add'= {
            cand --given-name 'given-name'
            cand --family-name 'family-name'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --central 'A portfolio-level (central) user, which SCIM never manages'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;users;list'= {
            cand --managed-by 'Only members with this owner'
            cand --search 'Only members whose email or name contains TEXT (any letter case)'
            cand --limit 'Members per page'
            cand --after 'Start after this email (the previous page''s last; printed as the next-page hint)'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --pending-transfer 'Only property users still waiting for the IdP''s first write'
            cand --inactive 'Only disabled members (active=false)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;users;show'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;users;help'= {
            cand add 'Add a member as the product''s admins would (tenant-managed)'
            cand list 'List the tenant''s members in email order, a page at a time'
            cand show 'Show one member: owner, kind, groups, properties, invitation'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;users;help;add'= {
        }
        &'scimctl;users;help;list'= {
        }
        &'scimctl;users;help;show'= {
        }
        &'scimctl;users;help;help'= {
        }
        &'scimctl;groups'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a group in the tenant'
            cand assign 'Give a group properties, roles or permissions'
            cand list 'List the tenant''s groups with their assignments'
            cand show 'Show one group: assignments and members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;groups;create'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;groups;assign'= {
            cand --property 'A property (by name); repeat for several'
            cand --role 'A role; repeat for several'
            cand --permission 'A permission; repeat for several'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;groups;list'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;groups;show'= {
            cand --limit 'How many members to list (0 = all)'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;groups;help'= {
            cand create 'Create a group in the tenant'
            cand assign 'Give a group properties, roles or permissions'
            cand list 'List the tenant''s groups with their assignments'
            cand show 'Show one group: assignments and members'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;groups;help;create'= {
        }
        &'scimctl;groups;help;assign'= {
        }
        &'scimctl;groups;help;list'= {
        }
        &'scimctl;groups;help;show'= {
        }
        &'scimctl;groups;help;help'= {
        }
        &'scimctl;invitations'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the tenant''s sign-up emails: queued, retrying, sent, redeemed, failed'
            cand resend 'Send a member''s sign-up email again, with a new link (the old link stops working at once)'
            cand deliver 'Send the sign-up emails that are due, once, and exit (for cron; ''serve'' does it continuously)'
            cand redeem 'Redeem a sign-up link''s token, read from standard input (what the product''s sign-up page does)'
            cand smtp-login 'Store the SMTP password in the OS keyring (read from standard input or the terminal)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;invitations;list'= {
            cand --user 'Only this member''s'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --pending 'Only those not sent yet (queued or retrying)'
            cand --failed 'Only those given up (the SMTP server refused them)'
            cand --sent 'Only those sent (redeemed or not)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;invitations;resend'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;invitations;deliver'= {
            cand --smtp-url 'The SMTP server: smtp://127.0.0.1:25 (loopback only), smtp://HOST:587?tls=starttls, smtps://HOST:465'
            cand --mail-from 'The sender, e.g. "Acme <no-reply@acme.example>"'
            cand --signup-url 'The sign-up link, with {token} (and optionally {tenant}) in it'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;invitations;redeem'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;invitations;smtp-login'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;invitations;help'= {
            cand list 'List the tenant''s sign-up emails: queued, retrying, sent, redeemed, failed'
            cand resend 'Send a member''s sign-up email again, with a new link (the old link stops working at once)'
            cand deliver 'Send the sign-up emails that are due, once, and exit (for cron; ''serve'' does it continuously)'
            cand redeem 'Redeem a sign-up link''s token, read from standard input (what the product''s sign-up page does)'
            cand smtp-login 'Store the SMTP password in the OS keyring (read from standard input or the terminal)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;invitations;help;list'= {
        }
        &'scimctl;invitations;help;resend'= {
        }
        &'scimctl;invitations;help;deliver'= {
        }
        &'scimctl;invitations;help;redeem'= {
        }
        &'scimctl;invitations;help;smtp-login'= {
        }
        &'scimctl;invitations;help;help'= {
        }
        &'scimctl;properties'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a property (a site, e.g. a hotel)'
            cand list 'List the tenant''s properties'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;properties;add'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;properties;list'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;properties;help'= {
            cand add 'Add a property (a site, e.g. a hotel)'
            cand list 'List the tenant''s properties'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;properties;help;add'= {
        }
        &'scimctl;properties;help;list'= {
        }
        &'scimctl;properties;help;help'= {
        }
        &'scimctl;mapping'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'The attributes the product supports, and what to map them from in Entra'
            cand check 'Check a mapping exported from Entra: what to remove, what is missing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;mapping;show'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;mapping;check'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;mapping;help'= {
            cand show 'The attributes the product supports, and what to map them from in Entra'
            cand check 'Check a mapping exported from Entra: what to remove, what is missing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;mapping;help;show'= {
        }
        &'scimctl;mapping;help;check'= {
        }
        &'scimctl;mapping;help;help'= {
        }
        &'scimctl;test-connection'= {
            cand --url 'SCIM base URL to test [default: the tenant URL, as ''scimctl url'' prints it]'
            cand --token-env 'Read the token from this environment variable'
            cand --timeout 'Seconds to wait for each step (DNS, connect, TLS handshake, each HTTP answer)'
            cand --ca-file 'Also trust the certificates in this PEM file (a private CA, or the server''s self-signed certificate)'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --token-stdin 'Read the token from standard input (first line) [default: the OS keyring entry ''token generate|regenerate --save-to-keyring'' wrote]'
            cand --full 'Then run a validator-style suite: discovery documents, and a throwaway user and group created, filtered, patched, disabled and deleted'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;log'= {
            cand --user 'Only requests about this user (email)'
            cand --request 'Only this request id (from an error''s detail, e.g. r-5f2c…)'
            cand --since 'Only requests newer than this (e.g. 15m, 2h, 7d)'
            cand --limit 'How many of the newest records to show'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --errors 'Only failed requests (status 400 and above)'
            cand -f 'Keep printing new records as they arrive (Ctrl-C to stop)'
            cand --follow 'Keep printing new records as they arrive (Ctrl-C to stop)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;events'= {
            cand --type 'Only events of this type (repeatable), e.g. user.created, group.member_added'
            cand --after 'Only events after this cursor (an event''s seq; 0 for the oldest kept)'
            cand --limit 'How many events to show: the newest, or with --after the oldest after it'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand -f 'Keep printing new events as they are written (Ctrl-C to stop)'
            cand --follow 'Keep printing new events as they are written (Ctrl-C to stop)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;diagnose'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand user 'Why a user is (not) provisioned, refused, disabled or without a sign-up email'
            cand request 'What one logged request did, why it failed and what to do'
            cand tenant 'Is the tenant''s provisioning healthy: SCIM, token, error rate, transfers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;diagnose;user'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;diagnose;request'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;diagnose;tenant'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;diagnose;help'= {
            cand user 'Why a user is (not) provisioned, refused, disabled or without a sign-up email'
            cand request 'What one logged request did, why it failed and what to do'
            cand tenant 'Is the tenant''s provisioning healthy: SCIM, token, error rate, transfers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;diagnose;help;user'= {
        }
        &'scimctl;diagnose;help;request'= {
        }
        &'scimctl;diagnose;help;tenant'= {
        }
        &'scimctl;diagnose;help;help'= {
        }
        &'scimctl;directory'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand move 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW''s identity provider takes them over'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;directory;move'= {
            cand --from 'The tenant the users are linked to now (id or name)'
            cand --to 'The tenant the customer moved to (id or name)'
            cand --batch 'Members per transaction (the move is resumable: run it again after an interruption)'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --dry-run 'Only say what would move, what conflicts and what would be done about it'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;directory;help'= {
            cand move 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW''s identity provider takes them over'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;directory;help;move'= {
        }
        &'scimctl;directory;help;help'= {
        }
        &'scimctl;serve'= {
            cand --listen 'Address to listen on'
            cand --public-url 'Base of the tenant URLs given to identity providers (default: the configured public_url, or http://<listen address>)'
            cand --tls-cert 'Serve HTTPS with this certificate chain (PEM, leaf first)'
            cand --tls-key 'The certificate''s private key (PEM; keep it mode 0600)'
            cand --smtp-url 'The SMTP server: smtp://127.0.0.1:25 (loopback only), smtp://HOST:587?tls=starttls, smtps://HOST:465'
            cand --mail-from 'The sender, e.g. "Acme <no-reply@acme.example>"'
            cand --signup-url 'The sign-up link, with {token} (and optionally {tenant}) in it'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --allow-insecure-http 'Serve plain HTTP on a non-loopback address (tokens then cross the network in clear: only behind a TLS-terminating proxy)'
            cand --no-provisioning-log 'Do not record the provisioning log (benchmark comparisons only)'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;dashboard'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;admin-key'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)'
            cand list 'List the admin keys: name, scope, fingerprint, use (never the key)'
            cand revoke 'Revoke an admin key: its next request is refused'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;admin-key;create'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;admin-key;list'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;admin-key;revoke'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;admin-key;help'= {
            cand create 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)'
            cand list 'List the admin keys: name, scope, fingerprint, use (never the key)'
            cand revoke 'Revoke an admin key: its next request is refused'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;admin-key;help;create'= {
        }
        &'scimctl;admin-key;help;list'= {
        }
        &'scimctl;admin-key;help;revoke'= {
        }
        &'scimctl;admin-key;help;help'= {
        }
        &'scimctl;login'= {
            cand --ca-file 'Also trust the certificates in this PEM file (a private CA); remembered in the profile'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;logout'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --forget 'Also remove the profile from the config file'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;profiles'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the profiles: server, tenant, whether the keyring holds a key, and the default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;profiles;list'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;profiles;help'= {
            cand list 'List the profiles: server, tenant, whether the keyring holds a key, and the default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;profiles;help;list'= {
        }
        &'scimctl;profiles;help;help'= {
        }
        &'scimctl;webhook'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a signed webhook endpoint for the tenant; prints its signing secret once'
            cand list 'The tenant''s endpoints: URL, event types, state, cursor, failures'
            cand remove 'Remove an endpoint and its deliveries'
            cand enable 'Enable an endpoint again after it was disabled by failures'
            cand test 'Send a webhook.test ping through the delivery path and show the result'
            cand deliveries 'What was sent: the newest deliveries, their status and the receiver''s answer'
            cand redeliver 'Send a delivery''s message again (same webhook-id, same body)'
            cand deliver 'One delivery pass on the local store (for a store no ''scimctl serve'' runs on)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;webhook;add'= {
            cand --event 'Only events of this type (repeatable; e.g. user.created); default: every type'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;list'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;remove'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;enable'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;test'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --no-wait 'Queue the ping and return at once, without waiting for its result'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;deliveries'= {
            cand --limit 'At most this many, newest first (at most 200)'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --failed 'Only failed deliveries'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;redeliver'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;deliver'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;webhook;help'= {
            cand add 'Add a signed webhook endpoint for the tenant; prints its signing secret once'
            cand list 'The tenant''s endpoints: URL, event types, state, cursor, failures'
            cand remove 'Remove an endpoint and its deliveries'
            cand enable 'Enable an endpoint again after it was disabled by failures'
            cand test 'Send a webhook.test ping through the delivery path and show the result'
            cand deliveries 'What was sent: the newest deliveries, their status and the receiver''s answer'
            cand redeliver 'Send a delivery''s message again (same webhook-id, same body)'
            cand deliver 'One delivery pass on the local store (for a store no ''scimctl serve'' runs on)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;webhook;help;add'= {
        }
        &'scimctl;webhook;help;list'= {
        }
        &'scimctl;webhook;help;remove'= {
        }
        &'scimctl;webhook;help;enable'= {
        }
        &'scimctl;webhook;help;test'= {
        }
        &'scimctl;webhook;help;deliveries'= {
        }
        &'scimctl;webhook;help;redeliver'= {
        }
        &'scimctl;webhook;help;deliver'= {
        }
        &'scimctl;webhook;help;help'= {
        }
        &'scimctl;config'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print each effective setting with its source (flag, env, file, default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;config;show'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;config;help'= {
            cand show 'Print each effective setting with its source (flag, env, file, default)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;config;help;show'= {
        }
        &'scimctl;config;help;help'= {
        }
        &'scimctl;generate'= {
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand completions 'Shell completions for bash, zsh, fish, powershell and elvish'
            cand man 'Man pages: scimctl.1 and one page per subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;generate;completions'= {
            cand --out-dir 'out-dir'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;generate;man'= {
            cand --out-dir 'out-dir'
            cand --store 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]'
            cand --config 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]'
            cand --tenant 'Tenant to act on, by id or name (default: the only tenant)'
            cand --profile 'Profile for remote administration, as ''scimctl login'' wrote it [default: default_profile in the config file, else "default"]'
            cand --server 'Administer a remote ''scimctl serve'' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile''s server, see ''scimctl login'']'
            cand --output 'Output format: tables for people, stable JSON for scripts'
            cand --admin-key-stdin 'Read the remote server''s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --verbose 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
            cand --no-color 'No colour (also NO_COLOR)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;generate;help'= {
            cand completions 'Shell completions for bash, zsh, fish, powershell and elvish'
            cand man 'Man pages: scimctl.1 and one page per subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;generate;help;completions'= {
        }
        &'scimctl;generate;help;man'= {
        }
        &'scimctl;generate;help;help'= {
        }
        &'scimctl;help'= {
            cand tenant 'Create, list, show and delete tenants (customer subscriptions)'
            cand scim 'Turn SCIM provisioning on or off for a tenant and show its status'
            cand url 'Print the tenant URL to paste into the identity provider'
            cand token 'Generate, regenerate, revoke and inspect the tenant''s SCIM secret token'
            cand users 'Add, list and show the tenant''s members'
            cand groups 'Create groups and assign properties, roles and permissions to them'
            cand invitations 'The tenant''s sign-up emails: list, resend, deliver, redeem a link'
            cand properties 'Add and list the tenant''s properties (sites)'
            cand mapping 'The attributes the product takes from an identity provider; check Entra''s mapping'
            cand test-connection 'Test the connection as Entra''s Test Connection does, step by step'
            cand log 'The provisioning log: every SCIM request, filterable and followable'
            cand events 'Provisioning events: every change to users, groups, tokens and SCIM, with a cursor'
            cand diagnose 'Explain a user, a logged request or the tenant: a verdict and the fix'
            cand directory 'Support operations over tenants: move a directory to a new subscription'
            cand serve 'Serve the SCIM 2.0 endpoint that identity providers provision into'
            cand dashboard 'The full-screen dashboard: status, token, members, groups, live log, actions'
            cand admin-key 'Create, list and revoke the admin API''s keys (on the server host)'
            cand login 'Check an admin key against a remote server and keep it in the OS keyring'
            cand logout 'Remove the profile''s admin key from the OS keyring'
            cand profiles 'The remote servers of the config file (see ''scimctl login'')'
            cand webhook 'Signed webhooks: endpoints that get the tenant''s provisioning events'
            cand config 'Show the effective configuration and where each value comes from'
            cand generate 'Write shell completions or man pages (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;help;tenant'= {
            cand create 'Create a tenant; prints its id'
            cand list 'List all tenants'
            cand show 'Show one tenant (default: --tenant, or the only one)'
            cand delete 'Delete a tenant with its members, groups and tokens'
        }
        &'scimctl;help;tenant;create'= {
        }
        &'scimctl;help;tenant;list'= {
        }
        &'scimctl;help;tenant;show'= {
        }
        &'scimctl;help;tenant;delete'= {
        }
        &'scimctl;help;scim'= {
            cand enable 'Turn SCIM provisioning on for the tenant'
            cand disable 'Turn it off: every SCIM request gets 403 "Operation not permitted"'
            cand status 'Is SCIM on, the tenant URL, the token''s age and use, member counts'
            cand policy 'The tenant''s attribute policy'
            cand guard 'The deprovisioning guard: hold an identity provider that deactivates too many users at once'
        }
        &'scimctl;help;scim;enable'= {
        }
        &'scimctl;help;scim;disable'= {
        }
        &'scimctl;help;scim;status'= {
        }
        &'scimctl;help;scim;policy'= {
            cand set 'Set it (only while the tenant has no members)'
        }
        &'scimctl;help;scim;policy;set'= {
        }
        &'scimctl;help;scim;guard'= {
            cand show 'Its threshold, window, count and hold'
            cand set 'Set the threshold (N users or P% of the IdP''s users) and window, or turn it off'
            cand approve 'Let the held deactivations and deletions through on the IdP''s next retries'
            cand reject 'Keep holding them: the identity provider''s scope must be fixed'
            cand reset 'End a hold without letting it through (after the IdP''s scope is fixed)'
        }
        &'scimctl;help;scim;guard;show'= {
        }
        &'scimctl;help;scim;guard;set'= {
        }
        &'scimctl;help;scim;guard;approve'= {
        }
        &'scimctl;help;scim;guard;reject'= {
        }
        &'scimctl;help;scim;guard;reset'= {
        }
        &'scimctl;help;url'= {
        }
        &'scimctl;help;token'= {
            cand generate 'Generate the tenant''s secret token (refused when one exists)'
            cand regenerate 'Replace the token: the old one stops working when this returns (or when --grace ends)'
            cand revoke 'Revoke the token: SCIM requests are refused until a new one is generated'
            cand status 'The token''s fingerprint, age and last use (never the secret)'
            cand verify 'Check whether a token is the tenant''s current one (read from stdin or env)'
        }
        &'scimctl;help;token;generate'= {
        }
        &'scimctl;help;token;regenerate'= {
        }
        &'scimctl;help;token;revoke'= {
        }
        &'scimctl;help;token;status'= {
        }
        &'scimctl;help;token;verify'= {
        }
        &'scimctl;help;users'= {
            cand add 'Add a member as the product''s admins would (tenant-managed)'
            cand list 'List the tenant''s members in email order, a page at a time'
            cand show 'Show one member: owner, kind, groups, properties, invitation'
        }
        &'scimctl;help;users;add'= {
        }
        &'scimctl;help;users;list'= {
        }
        &'scimctl;help;users;show'= {
        }
        &'scimctl;help;groups'= {
            cand create 'Create a group in the tenant'
            cand assign 'Give a group properties, roles or permissions'
            cand list 'List the tenant''s groups with their assignments'
            cand show 'Show one group: assignments and members'
        }
        &'scimctl;help;groups;create'= {
        }
        &'scimctl;help;groups;assign'= {
        }
        &'scimctl;help;groups;list'= {
        }
        &'scimctl;help;groups;show'= {
        }
        &'scimctl;help;invitations'= {
            cand list 'List the tenant''s sign-up emails: queued, retrying, sent, redeemed, failed'
            cand resend 'Send a member''s sign-up email again, with a new link (the old link stops working at once)'
            cand deliver 'Send the sign-up emails that are due, once, and exit (for cron; ''serve'' does it continuously)'
            cand redeem 'Redeem a sign-up link''s token, read from standard input (what the product''s sign-up page does)'
            cand smtp-login 'Store the SMTP password in the OS keyring (read from standard input or the terminal)'
        }
        &'scimctl;help;invitations;list'= {
        }
        &'scimctl;help;invitations;resend'= {
        }
        &'scimctl;help;invitations;deliver'= {
        }
        &'scimctl;help;invitations;redeem'= {
        }
        &'scimctl;help;invitations;smtp-login'= {
        }
        &'scimctl;help;properties'= {
            cand add 'Add a property (a site, e.g. a hotel)'
            cand list 'List the tenant''s properties'
        }
        &'scimctl;help;properties;add'= {
        }
        &'scimctl;help;properties;list'= {
        }
        &'scimctl;help;mapping'= {
            cand show 'The attributes the product supports, and what to map them from in Entra'
            cand check 'Check a mapping exported from Entra: what to remove, what is missing'
        }
        &'scimctl;help;mapping;show'= {
        }
        &'scimctl;help;mapping;check'= {
        }
        &'scimctl;help;test-connection'= {
        }
        &'scimctl;help;log'= {
        }
        &'scimctl;help;events'= {
        }
        &'scimctl;help;diagnose'= {
            cand user 'Why a user is (not) provisioned, refused, disabled or without a sign-up email'
            cand request 'What one logged request did, why it failed and what to do'
            cand tenant 'Is the tenant''s provisioning healthy: SCIM, token, error rate, transfers'
        }
        &'scimctl;help;diagnose;user'= {
        }
        &'scimctl;help;diagnose;request'= {
        }
        &'scimctl;help;diagnose;tenant'= {
        }
        &'scimctl;help;directory'= {
            cand move 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW''s identity provider takes them over'
        }
        &'scimctl;help;directory;move'= {
        }
        &'scimctl;help;serve'= {
        }
        &'scimctl;help;dashboard'= {
        }
        &'scimctl;help;admin-key'= {
            cand create 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)'
            cand list 'List the admin keys: name, scope, fingerprint, use (never the key)'
            cand revoke 'Revoke an admin key: its next request is refused'
        }
        &'scimctl;help;admin-key;create'= {
        }
        &'scimctl;help;admin-key;list'= {
        }
        &'scimctl;help;admin-key;revoke'= {
        }
        &'scimctl;help;login'= {
        }
        &'scimctl;help;logout'= {
        }
        &'scimctl;help;profiles'= {
            cand list 'List the profiles: server, tenant, whether the keyring holds a key, and the default'
        }
        &'scimctl;help;profiles;list'= {
        }
        &'scimctl;help;webhook'= {
            cand add 'Add a signed webhook endpoint for the tenant; prints its signing secret once'
            cand list 'The tenant''s endpoints: URL, event types, state, cursor, failures'
            cand remove 'Remove an endpoint and its deliveries'
            cand enable 'Enable an endpoint again after it was disabled by failures'
            cand test 'Send a webhook.test ping through the delivery path and show the result'
            cand deliveries 'What was sent: the newest deliveries, their status and the receiver''s answer'
            cand redeliver 'Send a delivery''s message again (same webhook-id, same body)'
            cand deliver 'One delivery pass on the local store (for a store no ''scimctl serve'' runs on)'
        }
        &'scimctl;help;webhook;add'= {
        }
        &'scimctl;help;webhook;list'= {
        }
        &'scimctl;help;webhook;remove'= {
        }
        &'scimctl;help;webhook;enable'= {
        }
        &'scimctl;help;webhook;test'= {
        }
        &'scimctl;help;webhook;deliveries'= {
        }
        &'scimctl;help;webhook;redeliver'= {
        }
        &'scimctl;help;webhook;deliver'= {
        }
        &'scimctl;help;config'= {
            cand show 'Print each effective setting with its source (flag, env, file, default)'
        }
        &'scimctl;help;config;show'= {
        }
        &'scimctl;help;generate'= {
            cand completions 'Shell completions for bash, zsh, fish, powershell and elvish'
            cand man 'Man pages: scimctl.1 and one page per subcommand'
        }
        &'scimctl;help;generate;completions'= {
        }
        &'scimctl;help;generate;man'= {
        }
        &'scimctl;help;help'= {
        }
    ]
    $completions[$command]
}
