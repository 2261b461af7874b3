//! The integration tests, one binary (it links the app once): every
//! module runs the real router over HTTP against its own PostgreSQL
//! database. The browser journeys (`tests/browser`), the fault test and
//! the statement counter (which needs the process to itself) are apart.

#[path = "../common/mod.rs"]
mod common;

mod admin;
mod alignment;
mod api;
mod auth;
mod cli;
mod collaboration;
mod i18n;
mod maps;
mod meetings;
mod nomenklatur;
mod notifications;
mod plans;
mod policy;
mod proposals;
mod replica;
mod scale;
mod security;
mod stages;
mod tenancy;
mod visibility;
