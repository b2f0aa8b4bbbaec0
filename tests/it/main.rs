mod bad_input;
mod cli_errors;
mod cli_json;
mod cli_workflow;
mod generated;
mod secrets;
mod store_conformance;
mod support;
