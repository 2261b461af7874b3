//! The `selaras` command: serve, migrate, demo, user. Every setting comes
//! from a flag or its environment variable (see `--help`).

use std::io::BufRead;
use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::app::{self, AppState};
use crate::config::{Config, DEFAULT_DATABASE_URL};
use crate::domain::role::Role;
use crate::{db, demo};

/// The version and the commit it was built from.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("SELARAS_COMMIT"), ")");

#[derive(Parser, Debug)]
#[command(
    name = "selaras",
    version = VERSION,
    about = "Selaras: perencanaan pembangunan daerah yang selaras"
)]
struct Cli {
    /// PostgreSQL URL; the database is created when missing.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true, hide_env_values = true)]
    database_url: String,
    /// Log filter, e.g. `info` or `selaras=debug,tower_http=info`.
    #[arg(long, env = "SELARAS_LOG", default_value = "info", global = true)]
    log_level: String,
    #[arg(long, env = "SELARAS_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    log_format: LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the web server (creates and migrates the database first).
    Serve(ServeArgs),
    /// Create the database if needed and apply migrations and master data
    /// (as the database owner).
    Migrate {
        /// Only tell whether the schema is current, changing nothing: exit
        /// status 0 when it is, 1 when migrations are pending (2 when the
        /// database cannot be reached). For deployment scripts.
        #[arg(long)]
        check: bool,
        /// Then let this existing login role run `selaras serve` with no
        /// more rights than it needs (no UPDATE, DELETE or TRUNCATE on the
        /// audit log, no schema or trigger changes).
        #[arg(long = "grant-serving-role", env = "SELARAS_SERVING_ROLE")]
        grant_serving_role: Option<String>,
    },
    /// Load the demo data set (idempotent) and print the demo users.
    Demo(DemoArgs),
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Run Cek Keselarasan (rules K01–K13) over a plan and print the
    /// findings. Exits with status 1 when there are errors, so scripts can
    /// use it.
    Check {
        /// The plan: its id (as in /rencana/{id}), or KIND/REGION/YEAR such
        /// as rkpd/33.71/2026 (kinds: rpjpd, rpjmd, renstra, rkpd,
        /// rkpd_perubahan, renja, rpjmdes, rkpdes; YEAR is the first year).
        plan: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Bring a workbook into a plan: its "Struktur" sheet into an empty
    /// plan (the cascade with indicators, targets and pagu), or an edited
    /// "Target dan Pagu" sheet into any plan. Prints the preview (what
    /// would change, and every row error); writes only with --apply, and
    /// only a file without errors.
    Import {
        /// The plan: its id, or KIND/REGION/YEAR such as rpjmd/33.71/2025.
        plan: String,
        /// The .xlsx file.
        file: std::path::PathBuf,
        /// Write it (in one transaction, audited as the user of --as).
        #[arg(long)]
        apply: bool,
        /// The username the changes are recorded under (with --apply).
        #[arg(long = "as")]
        as_user: Option<String>,
    },
    /// Bring a region's organizations and people in from a sheet (.csv or
    /// .xlsx; columns as on /admin/pengguna/impor). Prints what would be
    /// created and every row error; with --apply (and no errors) creates
    /// them and prints each new person's invitation link.
    ImportUsers {
        /// The .csv or .xlsx file.
        file: std::path::PathBuf,
        /// The region, e.g. 33.71.
        #[arg(long)]
        region: String,
        #[arg(long)]
        apply: bool,
        /// The admin the changes are recorded under (with --apply).
        #[arg(long = "as")]
        as_user: Option<String>,
    },
    /// Add or replace region outlines for the maps from a CSV in the shape
    /// of data/batas (`kode,nama,lat,lng,path`), e.g. a new region's desa.
    /// All of the file or, when a line is wrong, nothing.
    ImportBoundaries {
        /// The .csv file.
        file: std::path::PathBuf,
    },
    /// Benchmark: build a kab/kota RKPD of N sub kegiatan with its RPJMD in
    /// a scratch database and time Cek Keselarasan on it.
    BenchCheck {
        #[arg(long, default_value_t = 3000)]
        sub_kegiatan: i32,
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Serving benchmark: the real server on a scratch copy of the demo
    /// with an enacted RKPD of N sub kegiatan, loaded by concurrent HTTP
    /// clients page by page, beside a bare axum + sqlx page (the floor).
    /// Prints req/s, p50/p95/p99, bytes per answer and resident memory.
    BenchServe {
        #[arg(long, default_value_t = 3000)]
        sub_kegiatan: i32,
        /// Concurrent clients per page.
        #[arg(long, default_value_t = 10)]
        clients: usize,
        /// Seconds of load per page.
        #[arg(long, default_value_t = 5)]
        seconds: u64,
        /// Generate this province first (e.g. 33), so the pages are read
        /// over a province's data.
        #[arg(long, value_name = "KODE")]
        province: Option<String>,
        /// Load only the pages whose name contains this (the floor too),
        /// e.g. "signed in".
        #[arg(long, value_name = "TEXT")]
        only: Option<String>,
    },
}

/// Secure cookies as told, else whenever users reach Selaras over HTTPS.
fn secure_cookies(told: Option<bool>, public_url: Option<&str>) -> bool {
    told.unwrap_or_else(|| {
        public_url.is_some_and(|u| u.trim().to_ascii_lowercase().starts_with("https://"))
    })
}

#[derive(Args, Debug)]
struct ServeArgs {
    #[arg(long, env = "SELARAS_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Mark cookies Secure (`__Host-` prefixed) and send HSTS: for HTTPS.
    /// On by default when SELARAS_PUBLIC_URL starts with https://; `=false`
    /// turns it off even then.
    #[arg(
        long,
        env = "SELARAS_SECURE_COOKIES",
        num_args = 0..=1,
        default_missing_value = "true",
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    secure_cookies: Option<bool>,
    /// Behind a reverse proxy: take the client address from X-Forwarded-For.
    #[arg(long, env = "SELARAS_TRUST_PROXY", action = ArgAction::SetTrue)]
    trust_proxy: bool,
    /// Minutes without a request after which a session ends.
    #[arg(long, env = "SELARAS_IDLE_TIMEOUT_MINUTES", default_value_t = 30)]
    idle_timeout_minutes: u64,
    /// Hours after sign-in after which a session ends regardless.
    #[arg(long, env = "SELARAS_ABSOLUTE_TIMEOUT_HOURS", default_value_t = 12)]
    absolute_timeout_hours: u64,
    /// SMTP server for notification emails, e.g. smtp://user:pass@mail.example.go.id:587?tls=required.
    /// Without it, notifications go to the in-app inbox only.
    #[arg(long, env = "SELARAS_SMTP_URL", hide_env_values = true)]
    smtp_url: Option<String>,
    /// Sender of notification emails.
    #[arg(
        long,
        env = "SELARAS_MAIL_FROM",
        default_value = "Selaras <noreply@selaras.invalid>"
    )]
    mail_from: String,
    /// The address users reach Selaras at, for links in emails (https://selaras.example.go.id).
    #[arg(long, env = "SELARAS_PUBLIC_URL")]
    public_url: Option<String>,
    /// Serve Prometheus metrics at http://ADDR/metrics (e.g.
    /// 127.0.0.1:9187). Off unless set; never the public address.
    #[arg(long, env = "SELARAS_METRICS_ADDR")]
    metrics_addr: Option<SocketAddr>,
    /// A PostgreSQL streaming replica of DATABASE_URL that serves public
    /// pages and the open-data API to visitors without an account
    /// (postgres://selaras@replica:5432/selaras). Signed-in people and
    /// every write use DATABASE_URL.
    #[arg(long, env = "SELARAS_READ_DATABASE_URL", hide_env_values = true)]
    read_database_url: Option<String>,
    /// Seconds the replica may lag behind before visitors are served from
    /// the primary again (until it catches up).
    #[arg(long, env = "SELARAS_READ_MAX_LAG_SECONDS", default_value_t = 30)]
    read_max_lag_seconds: u64,
    /// Requests a minute each client of the open-data API may make.
    #[arg(long, env = "SELARAS_API_RATE", default_value_t = crate::state::RateLimiter::PER_MINUTE)]
    api_rate: u32,
    /// Seconds a public page sent to visitors (not signed in) is answered
    /// again from memory; 0 turns it off. Visitors may read from a replica
    /// that lags anyway; whoever writes is signed in and never served it.
    #[arg(long, env = "SELARAS_PAGE_CACHE_SECONDS", default_value_t = 2)]
    page_cache_seconds: u64,
    /// Milliseconds a session read for a page is used again for reading
    /// pages on this instance; 0 turns it off. Any other request reads its
    /// session afresh and makes this instance forget the ones it kept;
    /// another instance may show a changed role or a session ended
    /// elsewhere this much later.
    #[arg(long, env = "SELARAS_SESSION_CACHE_MS", default_value_t = 2000)]
    session_cache_ms: u64,
    /// Load the demo data set before listening.
    #[arg(long)]
    demo: bool,
    #[command(flatten)]
    demo_args: DemoArgs,
}

#[derive(Args, Debug)]
struct DemoArgs {
    /// Password of every demo user.
    #[arg(long = "demo-password", env = "SELARAS_DEMO_PASSWORD", default_value = demo::DEFAULT_PASSWORD, hide_env_values = true)]
    password: String,
    /// Also generate a whole province (e.g. 33, Jawa Tengah): every
    /// kabupaten/kota of it with organizations, accounts, plans of
    /// 1,000–3,000 sub kegiatan and proposals (for load tests).
    #[arg(long, value_name = "KODE")]
    province: Option<String>,
    /// With --province: only the first N kabupaten/kota.
    #[arg(long, value_name = "N", requires = "province")]
    province_limit: Option<usize>,
}

impl DemoArgs {
    async fn load(&self, pool: &sqlx::PgPool) -> anyhow::Result<()> {
        let users = demo::load(pool, &self.password).await?;
        demo::print_users(&users, &self.password);
        if let Some(p) = &self.province {
            demo::province::load(pool, p, &self.password, self.province_limit).await?;
        }
        Ok(())
    }
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Create an account in a pemda with a first membership. The password
    /// is read from SELARAS_NEW_PASSWORD or, if unset, from standard input.
    Create {
        /// Kode wilayah of the pemda, e.g. 33.71.
        #[arg(long)]
        region: String,
        #[arg(long)]
        username: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: Option<String>,
        /// Code of the organization in that pemda, e.g. bapperida.
        #[arg(long)]
        org: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// Add an (organization, role) membership to an account.
    AddMembership {
        #[arg(long)]
        username: String,
        #[arg(long)]
        org: String,
        #[arg(long, value_parser = parse_role)]
        role: Role,
    },
    /// Set a new password (from SELARAS_NEW_PASSWORD or standard input) and
    /// end all the account's sessions.
    ResetPassword {
        #[arg(long)]
        username: String,
    },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        format!("unknown role {s:?}; one of: {}", all.join(", "))
    })
}

pub async fn run() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Command::BenchServe { .. }) {
        crate::bench::serve::install_logging();
    } else {
        init_logging(&cli.log_level, cli.log_format);
    }
    if let Command::Migrate { check: true, .. } = &cli.command {
        return match db::pending_migrations(&cli.database_url).await {
            Ok(pending) if pending.is_empty() => {
                println!(
                    "The schema is current ({} migrations).",
                    db::MIGRATOR.iter().count()
                );
                ExitCode::SUCCESS
            }
            Ok(pending) => {
                println!("Pending migrations: {}", pending.join(", "));
                ExitCode::from(1)
            }
            Err(e) => {
                eprintln!("selaras: {e}");
                ExitCode::from(2)
            }
        };
    }
    if let Command::Check { plan, json } = &cli.command {
        return match check(&cli.database_url, plan, *json).await {
            Ok(code) => code,
            Err(e) => {
                eprintln!("selaras: {e}");
                ExitCode::from(2)
            }
        };
    }
    match execute(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("selaras: {e}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(level: &str, format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_new(format!("{level},sqlx=warn")).unwrap_or_else(|_| EnvFilter::new("info"));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

async fn execute(cli: Cli) -> anyhow::Result<()> {
    let url = cli.database_url;
    match cli.command {
        Command::Migrate {
            grant_serving_role, ..
        } => {
            db::create_database_if_missing(&url).await?;
            let pool = db::connect(&url).await?;
            db::migrate(&pool, &url).await?;
            println!(
                "Database at {} is up to date.",
                crate::config::redact_url(&url)
            );
            if let Some(role) = grant_serving_role.filter(|r| !r.is_empty()) {
                db::grant_serving_role(&pool, &role)
                    .await
                    .map_err(|e| anyhow::anyhow!(e))?;
                println!(
                    "Role {role} may now run `selaras serve` (no rights to rewrite the audit log)."
                );
            }
        }
        Command::Demo(args) => {
            let pool = db::prepare(&url).await?;
            args.load(&pool).await?;
        }
        Command::Serve(args) => {
            if args
                .metrics_addr
                .is_some_and(|m| m.port() == args.addr.port())
            {
                anyhow::bail!(
                    "SELARAS_METRICS_ADDR must differ from SELARAS_ADDR: metrics are never served on the public address"
                );
            }
            let pool = db::prepare(&url).await?;
            if args.demo {
                args.demo_args.load(&pool).await?;
            }
            let mut config = Config::new(url, args.addr);
            config.secure_cookies = secure_cookies(args.secure_cookies, args.public_url.as_deref());
            config.trust_proxy = args.trust_proxy;
            config.idle_timeout = Duration::from_secs(args.idle_timeout_minutes * 60);
            config.absolute_timeout = Duration::from_secs(args.absolute_timeout_hours * 3600);
            config.smtp_url = args.smtp_url.filter(|u| !u.is_empty());
            config.read_database_url = args.read_database_url.filter(|u| !u.is_empty());
            config.replica_max_lag = Duration::from_secs(args.read_max_lag_seconds);
            config.api_requests_per_minute = args.api_rate;
            config.page_cache = Duration::from_secs(args.page_cache_seconds);
            config.session_cache = Duration::from_millis(args.session_cache_ms);
            if let Some(u) = &config.read_database_url {
                // A bad URL stops the start; an unreachable replica does
                // not (its pool connects when first asked).
                db::connect_lazy(u).map_err(|e| anyhow::anyhow!(e))?;
            }
            config.mail_from = args.mail_from;
            if let Some(u) = args.public_url {
                config.public_url = u;
            }
            // Refuse to start with a broken mail setting rather than drop mail silently.
            crate::mail::Mailer::from_config(&config).map_err(|e| anyhow::anyhow!(e))?;
            let listener = tokio::net::TcpListener::bind(args.addr)
                .await
                .map_err(|e| {
                    anyhow::anyhow!(
                        "cannot listen on {}: {e}. Is another server using it? Set SELARAS_ADDR.",
                        args.addr
                    )
                })?;
            if let Some(m) = args.metrics_addr {
                let metrics = tokio::net::TcpListener::bind(m)
                    .await
                    .map_err(|e| anyhow::anyhow!("cannot listen on {m} for metrics: {e}"))?;
                // Recording starts before the first request is served.
                crate::telemetry::install();
                let db = pool.clone();
                tokio::spawn(async move {
                    if let Err(e) = crate::telemetry::serve(metrics, db).await {
                        tracing::error!(error = %e, "the metrics listener stopped");
                    }
                });
                tracing::info!(addr = %m, "metrics at http://{m}/metrics");
            }
            tracing::info!(addr = %args.addr, "Selaras is listening on http://{}", args.addr);
            app::serve(listener, AppState::new(pool, config)).await?;
        }
        Command::User { command } => {
            let pool = db::prepare(&url).await?;
            user_command(&pool, command).await?;
        }
        Command::Check { .. } => unreachable!("handled in run"),
        Command::ImportUsers {
            file,
            region,
            apply,
            as_user,
        } => {
            let pool = db::connect(&url).await?;
            crate::import::users(&pool, &region, &file, apply, as_user.as_deref()).await?
        }
        Command::ImportBoundaries { file } => {
            let pool = db::prepare(&url).await?;
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let n = crate::store::boundaries::import(&pool, &text).await?;
            println!("{n} batas wilayah disimpan.");
        }
        Command::Import {
            plan,
            file,
            apply,
            as_user,
        } => {
            let pool = db::connect(&url).await?;
            let id = find_plan(&pool, &plan).await?;
            crate::import::run(&pool, id, &file, apply, as_user.as_deref()).await?
        }
        Command::BenchCheck { sub_kegiatan, runs } => {
            crate::bench::check(&url, sub_kegiatan, runs).await?
        }
        Command::BenchServe {
            sub_kegiatan,
            clients,
            seconds,
            province,
            only,
        } => {
            let o = crate::bench::serve::Options {
                sub_kegiatan,
                clients,
                seconds,
                province,
                only,
            };
            crate::bench::serve::run(&url, o).await?
        }
    }
    Ok(())
}

/// A plan by id, or by KIND/REGION/YEAR when that names exactly one.
async fn find_plan(pool: &sqlx::PgPool, r: &str) -> anyhow::Result<uuid::Uuid> {
    if let Ok(id) = uuid::Uuid::parse_str(r) {
        return Ok(id);
    }
    let parts: Vec<&str> = r.split('/').collect();
    let (Some(kind), Some(region), Some(year)) = (
        parts
            .first()
            .and_then(|k| crate::domain::plan::PlanKind::parse(&k.to_lowercase())),
        parts.get(1),
        parts.get(2).and_then(|y| y.parse::<i32>().ok()),
    ) else {
        anyhow::bail!("no plan {r}: give its id or KIND/REGION/YEAR, e.g. rkpd/33.71/2026");
    };
    let found: Vec<(uuid::Uuid, String)> =
        sqlx::query_as("SELECT id, title FROM plans WHERE kind = $1 AND region_kode = $2 AND first_year = $3 ORDER BY title")
            .bind(kind)
            .bind(region)
            .bind(year)
            .fetch_all(pool)
            .await?;
    match found.as_slice() {
        [(id, _)] => Ok(*id),
        [] => anyhow::bail!("no plan {r}"),
        many => anyhow::bail!(
            "{r} names {} plans; give one id: {}",
            many.len(),
            many.iter()
                .map(|(id, t)| format!("{id} ({t})"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// `selaras check`: 0 without errors, 1 with errors (2 when it cannot run).
async fn check(url: &str, plan_ref: &str, json: bool) -> anyhow::Result<ExitCode> {
    let pool = db::prepare(url).await?;
    let plan_id = find_plan(&pool, plan_ref).await?;
    let plan = crate::store::plans::get(&pool, plan_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no plan {plan_id}"))?;
    let input = crate::store::checks::load(&pool, &plan).await?;
    let findings = crate::domain::checks::run(&input);
    let errors = findings
        .iter()
        .filter(|f| f.severity == crate::domain::checks::Severity::Error)
        .count();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"plan": plan.id, "title": plan.title, "findings": findings})
            )?
        );
    } else {
        println!("Cek Keselarasan: {}", plan.title);
        for rule in crate::domain::checks::RULES.iter() {
            let of_rule: Vec<_> = findings.iter().filter(|f| f.rule == rule.id).collect();
            println!("\n{} {} ({})", rule.id, rule.title, of_rule.len());
            for f in of_rule {
                println!("  [{}] {}", f.severity.label(), f.message);
                for (_, label) in &f.items {
                    println!("      {label}");
                }
                for (label, value) in &f.detail {
                    println!("      {label}: {value}");
                }
                println!("      perbaiki: {}", f.link);
            }
        }
        println!(
            "\n{} galat, {} peringatan.",
            errors,
            findings.len() - errors
        );
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn read_new_password() -> anyhow::Result<String> {
    if let Ok(pw) = std::env::var("SELARAS_NEW_PASSWORD") {
        return Ok(pw);
    }
    eprintln!("New password (one line on standard input):");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

async fn user_command(pool: &sqlx::PgPool, command: UserCommand) -> anyhow::Result<()> {
    use crate::domain::user::{NewUser, check_new_password};
    use crate::store::{orgs, users};

    let find_org = |region: String, code: String| async move {
        orgs::find_by_code(pool, &region, &code)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no organization with code {code:?} in region {region}"))
    };
    match command {
        UserCommand::Create {
            region,
            username,
            name,
            email,
            org,
            role,
        } => {
            let org = find_org(region.clone(), org).await?;
            let pw = read_new_password()?;
            let new = NewUser::parse(&username, &name, email.as_deref().unwrap_or(""), &pw)
                .map_err(|errors| {
                    let msgs: Vec<String> = ["username", "full_name", "email", "password"]
                        .iter()
                        .filter_map(|f| errors.get(f).map(|m| format!("{f}: {m}")))
                        .collect();
                    anyhow::anyhow!("{}", msgs.join("; "))
                })?;
            let password = new.password.as_deref().ok_or_else(|| {
                anyhow::anyhow!("password: a password is needed (an empty one is refused)")
            })?;
            let hash = crate::auth::password::hash(password)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let mut tx = pool.begin().await?;
            let id = users::create(
                &mut tx,
                None,
                users::CreateUser {
                    region_kode: &region,
                    username: &new.username,
                    full_name: &new.full_name,
                    email: new.email.as_deref(),
                    password_hash: &hash,
                },
            )
            .await
            .map_err(|e| match e {
                orgs::SaveError::Fields(f) => {
                    anyhow::anyhow!("{}", f.get("username").unwrap_or("invalid user"))
                }
                orgs::SaveError::Db(e) => e.into(),
                orgs::SaveError::Conflict => anyhow::anyhow!("conflict"),
            })?;
            users::add_membership(&mut tx, None, &region, id, org.id, role).await?;
            tx.commit().await?;
            println!(
                "Created {} ({}) as {} of {}.",
                new.username,
                new.full_name,
                role.as_str(),
                org.name
            );
        }
        UserCommand::AddMembership {
            username,
            org,
            role,
        } => {
            let user = users::find_by_username(pool, &username.to_lowercase())
                .await?
                .ok_or_else(|| anyhow::anyhow!("no user {username:?}"))?;
            let org = find_org(user.region_kode.clone(), org).await?;
            let mut tx = pool.begin().await?;
            users::add_membership(&mut tx, None, &user.region_kode, user.id, org.id, role).await?;
            tx.commit().await?;
            println!(
                "{} is now {} of {}.",
                user.username,
                role.as_str(),
                org.name
            );
        }
        UserCommand::ResetPassword { username } => {
            let user = users::find_by_username(pool, &username.to_lowercase())
                .await?
                .ok_or_else(|| anyhow::anyhow!("no user {username:?}"))?;
            let pw = read_new_password()?;
            check_new_password(&pw, &user.username, &user.full_name)
                .map_err(|m| anyhow::anyhow!("{m}"))?;
            let hash = crate::auth::password::hash(&pw)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            let mut tx = pool.begin().await?;
            users::set_password(&mut tx, None, &user, &hash, None).await?;
            tx.commit().await?;
            println!(
                "New password set for {}; all its sessions have ended.",
                user.username
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod secure_cookie_tests {
    #[test]
    fn https_turns_secure_cookies_on_unless_told_otherwise() {
        use super::secure_cookies;
        assert!(secure_cookies(
            None,
            Some("https://selaras.magelangkota.go.id")
        ));
        assert!(!secure_cookies(None, Some("http://127.0.0.1:8080")));
        assert!(!secure_cookies(None, None));
        assert!(!secure_cookies(
            Some(false),
            Some("https://selaras.example.go.id")
        ));
        assert!(secure_cookies(Some(true), None));
    }
}
