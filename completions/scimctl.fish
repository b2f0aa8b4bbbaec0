# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_scimctl_global_optspecs
    string join \n store= config= tenant= profile= server= admin-key-stdin output= q/quiet v/verbose no-color h/help V/version
end

function __fish_scimctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_scimctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_scimctl_using_subcommand
    set -l cmd (__fish_scimctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c scimctl -n "__fish_scimctl_needs_command" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_needs_command" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_needs_command" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_needs_command" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_needs_command" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_needs_command" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_needs_command" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_needs_command" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_needs_command" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "tenant" -d 'Create, list, show and delete tenants (customer subscriptions)'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "scim" -d 'Turn SCIM provisioning on or off for a tenant and show its status'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "url" -d 'Print the tenant URL to paste into the identity provider'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "token" -d 'Generate, regenerate, revoke and inspect the tenant\'s SCIM secret token'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "users" -d 'Add, list and show the tenant\'s members'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "groups" -d 'Create groups and assign properties, roles and permissions to them'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "invitations" -d 'The tenant\'s sign-up emails: list, resend, deliver, redeem a link'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "properties" -d 'Add and list the tenant\'s properties (sites)'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "mapping" -d 'The attributes the product takes from an identity provider; check Entra\'s mapping'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "test-connection" -d 'Test the connection as Entra\'s Test Connection does, step by step'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "log" -d 'The provisioning log: every SCIM request, filterable and followable'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "events" -d 'Provisioning events: every change to users, groups, tokens and SCIM, with a cursor'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "diagnose" -d 'Explain a user, a logged request or the tenant: a verdict and the fix'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "directory" -d 'Support operations over tenants: move a directory to a new subscription'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "serve" -d 'Serve the SCIM 2.0 endpoint that identity providers provision into'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "dashboard" -d 'The full-screen dashboard: status, token, members, groups, live log, actions'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "admin-key" -d 'Create, list and revoke the admin API\'s keys (on the server host)'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "login" -d 'Check an admin key against a remote server and keep it in the OS keyring'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "logout" -d 'Remove the profile\'s admin key from the OS keyring'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "profiles" -d 'The remote servers of the config file (see \'scimctl login\')'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "webhook" -d 'Signed webhooks: endpoints that get the tenant\'s provisioning events'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "config" -d 'Show the effective configuration and where each value comes from'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "generate" -d 'Write shell completions or man pages (for packagers)'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -f -a "create" -d 'Create a tenant; prints its id'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -f -a "list" -d 'List all tenants'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -f -a "show" -d 'Show one tenant (default: --tenant, or the only one)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -f -a "delete" -d 'Delete a tenant with its members, groups and tokens'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and not __fish_seen_subcommand_from create list show delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l id -d 'Id to use in the tenant URL (a-z, 0-9, \'-\', \'_\'; default: a random UUID)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l policy -d 'Attribute policy of the tenant\'s SCIM endpoint' -r -f -a "product\t'The vendor\'s rules: email userName, five supported attributes'
standard\t'RFC 7643 in full, userNames private to the tenant'"
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l yes -d 'Confirm the deletion (required: it cannot be undone)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a tenant; prints its id'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "list" -d 'List all tenants'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one tenant (default: --tenant, or the only one)'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a tenant with its members, groups and tokens'
complete -c scimctl -n "__fish_scimctl_using_subcommand tenant; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -f -a "enable" -d 'Turn SCIM provisioning on for the tenant'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -f -a "disable" -d 'Turn it off: every SCIM request gets 403 "Operation not permitted"'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -f -a "status" -d 'Is SCIM on, the tenant URL, the token\'s age and use, member counts'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -f -a "policy" -d 'The tenant\'s attribute policy'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -f -a "guard" -d 'The deprovisioning guard: hold an identity provider that deactivates too many users at once'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and not __fish_seen_subcommand_from enable disable status policy guard help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Set it (only while the tenant has no members)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from policy" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -f -a "show" -d 'Its threshold, window, count and hold'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -f -a "set" -d 'Set the threshold (N users or P% of the IdP\'s users) and window, or turn it off'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -f -a "approve" -d 'Let the held deactivations and deletions through on the IdP\'s next retries'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -f -a "reject" -d 'Keep holding them: the identity provider\'s scope must be fixed'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -f -a "reset" -d 'End a hold without letting it through (after the IdP\'s scope is fixed)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from guard" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Turn SCIM provisioning on for the tenant'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Turn it off: every SCIM request gets 403 "Operation not permitted"'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from help" -f -a "status" -d 'Is SCIM on, the tenant URL, the token\'s age and use, member counts'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from help" -f -a "policy" -d 'The tenant\'s attribute policy'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from help" -f -a "guard" -d 'The deprovisioning guard: hold an identity provider that deactivates too many users at once'
complete -c scimctl -n "__fish_scimctl_using_subcommand scim; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand url" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -f -a "generate" -d 'Generate the tenant\'s secret token (refused when one exists)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -f -a "regenerate" -d 'Replace the token: the old one stops working when this returns (or when --grace ends)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -f -a "revoke" -d 'Revoke the token: SCIM requests are refused until a new one is generated'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -f -a "status" -d 'The token\'s fingerprint, age and last use (never the secret)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -f -a "verify" -d 'Check whether a token is the tenant\'s current one (read from stdin or env)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and not __fish_seen_subcommand_from generate regenerate revoke status verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l save-to-keyring -d 'Also store the new token in the OS keyring, for \'test-connection\' without --token-stdin/--token-env'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from generate" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l grace -d 'Keep the old token valid this long (e.g. 15m, 1h, 2d; at most 30d), for zero-downtime rotation; end it early with \'token revoke --previous\'' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l save-to-keyring -d 'Also store the new token in the OS keyring, for \'test-connection\' without --token-stdin/--token-env'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from regenerate" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l previous -d 'End only the previous token\'s grace period (after a rotation with --grace), once the identity provider uses the new token'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l token-env -d 'Read the token from this environment variable' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l token-stdin -d 'Read the token from standard input (first line)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "generate" -d 'Generate the tenant\'s secret token (refused when one exists)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "regenerate" -d 'Replace the token: the old one stops working when this returns (or when --grace ends)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke the token: SCIM requests are refused until a new one is generated'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "status" -d 'The token\'s fingerprint, age and last use (never the secret)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check whether a token is the tenant\'s current one (read from stdin or env)'
complete -c scimctl -n "__fish_scimctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -f -a "add" -d 'Add a member as the product\'s admins would (tenant-managed)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -f -a "list" -d 'List the tenant\'s members in email order, a page at a time'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -f -a "show" -d 'Show one member: owner, kind, groups, properties, invitation'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from add list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l given-name -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l family-name -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l central -d 'A portfolio-level (central) user, which SCIM never manages'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l managed-by -d 'Only members with this owner' -r -f -a "idp\t'Provisioned by the tenant\'s identity provider'
tenant\t'Created by the tenant\'s admins; the first SCIM write transfers it'
self\t'Also has accounts outside the tenant; never managed by SCIM'"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l search -d 'Only members whose email or name contains TEXT (any letter case)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l limit -d 'Members per page' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l after -d 'Start after this email (the previous page\'s last; printed as the next-page hint)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l pending-transfer -d 'Only property users still waiting for the IdP\'s first write'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l inactive -d 'Only disabled members (active=false)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a member as the product\'s admins would (tenant-managed)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the tenant\'s members in email order, a page at a time'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one member: owner, kind, groups, properties, invitation'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -f -a "create" -d 'Create a group in the tenant'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -f -a "assign" -d 'Give a group properties, roles or permissions'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -f -a "list" -d 'List the tenant\'s groups with their assignments'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -f -a "show" -d 'Show one group: assignments and members'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and not __fish_seen_subcommand_from create assign list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l property -d 'A property (by name); repeat for several' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l role -d 'A role; repeat for several' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l permission -d 'A permission; repeat for several' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from assign" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l limit -d 'How many members to list (0 = all)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a group in the tenant'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Give a group properties, roles or permissions'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the tenant\'s groups with their assignments'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one group: assignments and members'
complete -c scimctl -n "__fish_scimctl_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -f -a "list" -d 'List the tenant\'s sign-up emails: queued, retrying, sent, redeemed, failed'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -f -a "resend" -d 'Send a member\'s sign-up email again, with a new link (the old link stops working at once)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -f -a "deliver" -d 'Send the sign-up emails that are due, once, and exit (for cron; \'serve\' does it continuously)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -f -a "redeem" -d 'Redeem a sign-up link\'s token, read from standard input (what the product\'s sign-up page does)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -f -a "smtp-login" -d 'Store the SMTP password in the OS keyring (read from standard input or the terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and not __fish_seen_subcommand_from list resend deliver redeem smtp-login help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l user -d 'Only this member\'s' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l pending -d 'Only those not sent yet (queued or retrying)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l failed -d 'Only those given up (the SMTP server refused them)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l sent -d 'Only those sent (redeemed or not)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from resend" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l smtp-url -d 'The SMTP server: smtp://127.0.0.1:25 (loopback only), smtp://HOST:587?tls=starttls, smtps://HOST:465' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l mail-from -d 'The sender, e.g. "Acme <no-reply@acme.example>"' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l signup-url -d 'The sign-up link, with {token} (and optionally {tenant}) in it' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from deliver" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from redeem" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from smtp-login" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the tenant\'s sign-up emails: queued, retrying, sent, redeemed, failed'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from help" -f -a "resend" -d 'Send a member\'s sign-up email again, with a new link (the old link stops working at once)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from help" -f -a "deliver" -d 'Send the sign-up emails that are due, once, and exit (for cron; \'serve\' does it continuously)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from help" -f -a "redeem" -d 'Redeem a sign-up link\'s token, read from standard input (what the product\'s sign-up page does)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from help" -f -a "smtp-login" -d 'Store the SMTP password in the OS keyring (read from standard input or the terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand invitations; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Add a property (a site, e.g. a hotel)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List the tenant\'s properties'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a property (a site, e.g. a hotel)'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the tenant\'s properties'
complete -c scimctl -n "__fish_scimctl_using_subcommand properties; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -f -a "show" -d 'The attributes the product supports, and what to map them from in Entra'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -f -a "check" -d 'Check a mapping exported from Entra: what to remove, what is missing'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and not __fish_seen_subcommand_from show check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from help" -f -a "show" -d 'The attributes the product supports, and what to map them from in Entra'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check a mapping exported from Entra: what to remove, what is missing'
complete -c scimctl -n "__fish_scimctl_using_subcommand mapping; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l url -d 'SCIM base URL to test [default: the tenant URL, as \'scimctl url\' prints it]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l token-env -d 'Read the token from this environment variable' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l timeout -d 'Seconds to wait for each step (DNS, connect, TLS handshake, each HTTP answer)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l ca-file -d 'Also trust the certificates in this PEM file (a private CA, or the server\'s self-signed certificate)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l token-stdin -d 'Read the token from standard input (first line) [default: the OS keyring entry \'token generate|regenerate --save-to-keyring\' wrote]'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l full -d 'Then run a validator-style suite: discovery documents, and a throwaway user and group created, filtered, patched, disabled and deleted'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand test-connection" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l user -d 'Only requests about this user (email)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l request -d 'Only this request id (from an error\'s detail, e.g. r-5f2c…)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l since -d 'Only requests newer than this (e.g. 15m, 2h, 7d)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l limit -d 'How many of the newest records to show' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l errors -d 'Only failed requests (status 400 and above)'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -s f -l follow -d 'Keep printing new records as they arrive (Ctrl-C to stop)'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand log" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l type -d 'Only events of this type (repeatable), e.g. user.created, group.member_added' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l after -d 'Only events after this cursor (an event\'s seq; 0 for the oldest kept)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l limit -d 'How many events to show: the newest, or with --after the oldest after it' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -s f -l follow -d 'Keep printing new events as they are written (Ctrl-C to stop)'
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand events" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -f -a "user" -d 'Why a user is (not) provisioned, refused, disabled or without a sign-up email'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -f -a "request" -d 'What one logged request did, why it failed and what to do'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -f -a "tenant" -d 'Is the tenant\'s provisioning healthy: SCIM, token, error rate, transfers'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and not __fish_seen_subcommand_from user request tenant help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from user" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from request" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from tenant" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from help" -f -a "user" -d 'Why a user is (not) provisioned, refused, disabled or without a sign-up email'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from help" -f -a "request" -d 'What one logged request did, why it failed and what to do'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from help" -f -a "tenant" -d 'Is the tenant\'s provisioning healthy: SCIM, token, error rate, transfers'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -f -a "move" -d 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW\'s identity provider takes them over'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and not __fish_seen_subcommand_from move help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l from -d 'The tenant the users are linked to now (id or name)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l to -d 'The tenant the customer moved to (id or name)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l batch -d 'Members per transaction (the move is resumable: run it again after an interruption)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l dry-run -d 'Only say what would move, what conflicts and what would be done about it'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from move" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from help" -f -a "move" -d 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW\'s identity provider takes them over'
complete -c scimctl -n "__fish_scimctl_using_subcommand directory; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l listen -d 'Address to listen on' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l public-url -d 'Base of the tenant URLs given to identity providers (default: the configured public_url, or http://<listen address>)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l tls-cert -d 'Serve HTTPS with this certificate chain (PEM, leaf first)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l tls-key -d 'The certificate\'s private key (PEM; keep it mode 0600)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l smtp-url -d 'The SMTP server: smtp://127.0.0.1:25 (loopback only), smtp://HOST:587?tls=starttls, smtps://HOST:465' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l mail-from -d 'The sender, e.g. "Acme <no-reply@acme.example>"' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l signup-url -d 'The sign-up link, with {token} (and optionally {tenant}) in it' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l allow-insecure-http -d 'Serve plain HTTP on a non-loopback address (tokens then cross the network in clear: only behind a TLS-terminating proxy)'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l no-provisioning-log -d 'Do not record the provisioning log (benchmark comparisons only)'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand serve" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand dashboard" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List the admin keys: name, scope, fingerprint, use (never the key)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke an admin key: its next request is refused'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the admin keys: name, scope, fingerprint, use (never the key)'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke an admin key: its next request is refused'
complete -c scimctl -n "__fish_scimctl_using_subcommand admin-key; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l ca-file -d 'Also trust the certificates in this PEM file (a private CA); remembered in the profile' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand login" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l forget -d 'Also remove the profile from the config file'
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List the profiles: server, tenant, whether the keyring holds a key, and the default'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles: server, tenant, whether the keyring holds a key, and the default'
complete -c scimctl -n "__fish_scimctl_using_subcommand profiles; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "add" -d 'Add a signed webhook endpoint for the tenant; prints its signing secret once'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "list" -d 'The tenant\'s endpoints: URL, event types, state, cursor, failures'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "remove" -d 'Remove an endpoint and its deliveries'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "enable" -d 'Enable an endpoint again after it was disabled by failures'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "test" -d 'Send a webhook.test ping through the delivery path and show the result'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "deliveries" -d 'What was sent: the newest deliveries, their status and the receiver\'s answer'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "redeliver" -d 'Send a delivery\'s message again (same webhook-id, same body)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "deliver" -d 'One delivery pass on the local store (for a store no \'scimctl serve\' runs on)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and not __fish_seen_subcommand_from add list remove enable test deliveries redeliver deliver help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l event -d 'Only events of this type (repeatable; e.g. user.created); default: every type' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l no-wait -d 'Queue the ping and return at once, without waiting for its result'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l limit -d 'At most this many, newest first (at most 200)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l failed -d 'Only failed deliveries'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliveries" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from redeliver" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from deliver" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a signed webhook endpoint for the tenant; prints its signing secret once'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "list" -d 'The tenant\'s endpoints: URL, event types, state, cursor, failures'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove an endpoint and its deliveries'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable an endpoint again after it was disabled by failures'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send a webhook.test ping through the delivery path and show the result'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "deliveries" -d 'What was sent: the newest deliveries, their status and the receiver\'s answer'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "redeliver" -d 'Send a delivery\'s message again (same webhook-id, same body)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "deliver" -d 'One delivery pass on the local store (for a store no \'scimctl serve\' runs on)'
complete -c scimctl -n "__fish_scimctl_using_subcommand webhook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print each effective setting with its source (flag, env, file, default)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print each effective setting with its source (flag, env, file, default)'
complete -c scimctl -n "__fish_scimctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "completions" -d 'Shell completions for bash, zsh, fish, powershell and elvish'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "man" -d 'Man pages: scimctl.1 and one page per subcommand'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l out-dir -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l out-dir -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l store -d 'Store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE with the password in PGPASSWORD or ~/.pgpass [default: $XDG_DATA_HOME/scimctl/scimctl.db]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l config -d 'Config file [default: $XDG_CONFIG_HOME/scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l tenant -d 'Tenant to act on, by id or name (default: the only tenant)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l profile -d 'Profile for remote administration, as \'scimctl login\' wrote it [default: default_profile in the config file, else "default"]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l server -d 'Administer a remote \'scimctl serve\' through its admin API instead of the local store, e.g. https://scim.example.com [default: the profile\'s server, see \'scimctl login\']' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l output -d 'Output format: tables for people, stable JSON for scripts' -r -f -a "table\t''
json\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l admin-key-stdin -d 'Read the remote server\'s admin key from standard input (first line); SCIMCTL_ADMIN_KEY, when set, comes first, the OS keyring last'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s q -l quiet -d 'Print only data and errors'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s v -l verbose -d 'Log to stderr (-v info, -vv debug, -vvv trace; or SCIMCTL_LOG)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l no-color -d 'No colour (also NO_COLOR)'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s h -l help -d 'Print help'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "completions" -d 'Shell completions for bash, zsh, fish, powershell and elvish'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "man" -d 'Man pages: scimctl.1 and one page per subcommand'
complete -c scimctl -n "__fish_scimctl_using_subcommand generate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "tenant" -d 'Create, list, show and delete tenants (customer subscriptions)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "scim" -d 'Turn SCIM provisioning on or off for a tenant and show its status'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "url" -d 'Print the tenant URL to paste into the identity provider'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "token" -d 'Generate, regenerate, revoke and inspect the tenant\'s SCIM secret token'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "users" -d 'Add, list and show the tenant\'s members'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "groups" -d 'Create groups and assign properties, roles and permissions to them'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "invitations" -d 'The tenant\'s sign-up emails: list, resend, deliver, redeem a link'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "properties" -d 'Add and list the tenant\'s properties (sites)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "mapping" -d 'The attributes the product takes from an identity provider; check Entra\'s mapping'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "test-connection" -d 'Test the connection as Entra\'s Test Connection does, step by step'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "log" -d 'The provisioning log: every SCIM request, filterable and followable'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "events" -d 'Provisioning events: every change to users, groups, tokens and SCIM, with a cursor'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "diagnose" -d 'Explain a user, a logged request or the tenant: a verdict and the fix'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "directory" -d 'Support operations over tenants: move a directory to a new subscription'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "serve" -d 'Serve the SCIM 2.0 endpoint that identity providers provision into'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "dashboard" -d 'The full-screen dashboard: status, token, members, groups, live log, actions'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "admin-key" -d 'Create, list and revoke the admin API\'s keys (on the server host)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "login" -d 'Check an admin key against a remote server and keep it in the OS keyring'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "logout" -d 'Remove the profile\'s admin key from the OS keyring'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "profiles" -d 'The remote servers of the config file (see \'scimctl login\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "webhook" -d 'Signed webhooks: endpoints that get the tenant\'s provisioning events'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "config" -d 'Show the effective configuration and where each value comes from'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "generate" -d 'Write shell completions or man pages (for packagers)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from tenant scim url token users groups invitations properties mapping test-connection log events diagnose directory serve dashboard admin-key login logout profiles webhook config generate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "create" -d 'Create a tenant; prints its id'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "list" -d 'List all tenants'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "show" -d 'Show one tenant (default: --tenant, or the only one)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from tenant" -f -a "delete" -d 'Delete a tenant with its members, groups and tokens'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from scim" -f -a "enable" -d 'Turn SCIM provisioning on for the tenant'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from scim" -f -a "disable" -d 'Turn it off: every SCIM request gets 403 "Operation not permitted"'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from scim" -f -a "status" -d 'Is SCIM on, the tenant URL, the token\'s age and use, member counts'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from scim" -f -a "policy" -d 'The tenant\'s attribute policy'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from scim" -f -a "guard" -d 'The deprovisioning guard: hold an identity provider that deactivates too many users at once'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "generate" -d 'Generate the tenant\'s secret token (refused when one exists)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "regenerate" -d 'Replace the token: the old one stops working when this returns (or when --grace ends)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke the token: SCIM requests are refused until a new one is generated'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "status" -d 'The token\'s fingerprint, age and last use (never the secret)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "verify" -d 'Check whether a token is the tenant\'s current one (read from stdin or env)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "add" -d 'Add a member as the product\'s admins would (tenant-managed)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List the tenant\'s members in email order, a page at a time'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "show" -d 'Show one member: owner, kind, groups, properties, invitation'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "create" -d 'Create a group in the tenant'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "assign" -d 'Give a group properties, roles or permissions'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'List the tenant\'s groups with their assignments'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "show" -d 'Show one group: assignments and members'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from invitations" -f -a "list" -d 'List the tenant\'s sign-up emails: queued, retrying, sent, redeemed, failed'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from invitations" -f -a "resend" -d 'Send a member\'s sign-up email again, with a new link (the old link stops working at once)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from invitations" -f -a "deliver" -d 'Send the sign-up emails that are due, once, and exit (for cron; \'serve\' does it continuously)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from invitations" -f -a "redeem" -d 'Redeem a sign-up link\'s token, read from standard input (what the product\'s sign-up page does)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from invitations" -f -a "smtp-login" -d 'Store the SMTP password in the OS keyring (read from standard input or the terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from properties" -f -a "add" -d 'Add a property (a site, e.g. a hotel)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from properties" -f -a "list" -d 'List the tenant\'s properties'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from mapping" -f -a "show" -d 'The attributes the product supports, and what to map them from in Entra'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from mapping" -f -a "check" -d 'Check a mapping exported from Entra: what to remove, what is missing'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from diagnose" -f -a "user" -d 'Why a user is (not) provisioned, refused, disabled or without a sign-up email'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from diagnose" -f -a "request" -d 'What one logged request did, why it failed and what to do'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from diagnose" -f -a "tenant" -d 'Is the tenant\'s provisioning healthy: SCIM, token, error rate, transfers'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from directory" -f -a "move" -d 'Move the IdP-managed users of tenant OLD to tenant NEW, so that NEW\'s identity provider takes them over'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from admin-key" -f -a "create" -d 'Create an admin key: an operator key, or with --tenant one scoped to that tenant (only the --tenant flag scopes a key, never SCIMCTL_TENANT or the config file)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from admin-key" -f -a "list" -d 'List the admin keys: name, scope, fingerprint, use (never the key)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from admin-key" -f -a "revoke" -d 'Revoke an admin key: its next request is refused'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from profiles" -f -a "list" -d 'List the profiles: server, tenant, whether the keyring holds a key, and the default'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "add" -d 'Add a signed webhook endpoint for the tenant; prints its signing secret once'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "list" -d 'The tenant\'s endpoints: URL, event types, state, cursor, failures'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "remove" -d 'Remove an endpoint and its deliveries'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "enable" -d 'Enable an endpoint again after it was disabled by failures'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "test" -d 'Send a webhook.test ping through the delivery path and show the result'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "deliveries" -d 'What was sent: the newest deliveries, their status and the receiver\'s answer'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "redeliver" -d 'Send a delivery\'s message again (same webhook-id, same body)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from webhook" -f -a "deliver" -d 'One delivery pass on the local store (for a store no \'scimctl serve\' runs on)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print each effective setting with its source (flag, env, file, default)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "completions" -d 'Shell completions for bash, zsh, fish, powershell and elvish'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from generate" -f -a "man" -d 'Man pages: scimctl.1 and one page per subcommand'
