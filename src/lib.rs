//! Selaras: one place where a regional government and everyone around it
//! write, discuss, align and approve development plans.
//!
//! Requests flow one way: middleware (`app`) → extractors (`auth`) →
//! handlers (`web`) → `auth::policy` → `domain` rules → `store` (SQL, one
//! transaction with its audit row) → askama template.

pub mod app;
pub mod auth;
pub mod bench;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod format;
pub mod i18n;
pub mod import;
pub mod mail;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod web;
