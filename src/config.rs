//! Settings, read once from the environment and flags (see `cli`), then
//! passed around inside `AppState`. Nothing else reads the environment.

use std::net::SocketAddr;
use std::time::Duration;

/// Default database: the local server as user `postgres`, database `selaras`.
pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/selaras";

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    /// A streaming replica that serves the public's reading
    /// (`web::reader::Reader`); None: everything from `database_url`.
    pub read_database_url: Option<String>,
    /// Visitors go back to the primary while the replica is unreachable or
    /// further behind than this; it is checked every `replica_check`.
    pub replica_max_lag: Duration,
    pub replica_check: Duration,
    pub addr: SocketAddr,
    /// Mark the session cookie `Secure` (set it when served over HTTPS).
    pub secure_cookies: bool,
    /// Take the client address from the last `X-Forwarded-For` entry, as
    /// written by our own reverse proxy. Off unless a proxy is in front.
    pub trust_proxy: bool,
    /// A session ends after this long without a request.
    pub idle_timeout: Duration,
    /// A session ends this long after sign-in, however active.
    pub absolute_timeout: Duration,
    pub throttle: ThrottleConfig,
    /// SMTP server for notification emails (`smtp://user:pass@host:587?tls=required`,
    /// `smtps://…`); none: the inbox only.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// The address users reach Selaras at, for links in emails.
    pub public_url: String,
    /// How often the email outbox is drained.
    pub mail_interval: Duration,
    /// How old a person's oldest pending notification is before their
    /// daily digest goes out (a day).
    pub digest_after: Duration,
    /// Argon2 verifications that may run at once (each takes ~19 MiB and a
    /// core for tens of milliseconds), and how long a sign-in waits for a
    /// turn before the server answers that it is busy.
    pub password_slots: usize,
    pub password_wait: Duration,
    /// Refuse a one-time code whose time step was already used (RFC 6238
    /// 5.2). Only the test harness turns this off, to sign one user in many
    /// times within 30 seconds.
    pub totp_refuse_replay: bool,
    /// A request (handler included) taking longer gets our 503 page.
    pub request_timeout: Duration,
    /// A client must finish sending a request's headers within this.
    pub header_read_timeout: Duration,
    /// Answer 500 to a write whose handler never asked the policy
    /// (`policy::require_asked`). The test harness turns it on.
    pub require_policy: bool,
    /// Requests a minute each open-data API client may make (0: no limit).
    pub api_requests_per_minute: u32,
    /// How long a public page sent to visitors is answered again from
    /// memory (`web::revalidate`); zero turns it off.
    pub page_cache: Duration,
    /// How long a session read for a page is used again for reading pages
    /// on this instance (`state::SessionCache`); zero turns it off.
    pub session_cache: Duration,
}

/// Limits on failed sign-ins. Counted over a sliding window, per typed
/// username (whether or not the account exists) and per client address.
#[derive(Clone, Debug)]
pub struct ThrottleConfig {
    pub window: Duration,
    /// From this many recent failures on, each attempt is answered slower.
    pub account_slow_after: i64,
    /// From this many recent failures on, the account refuses attempts.
    pub account_lock_after: i64,
    /// Failures from one address (many users may share one behind NAT).
    pub addr_lock_after: i64,
    /// Added delay per failure beyond `account_slow_after`.
    pub delay_step: Duration,
    pub max_delay: Duration,
}

impl Default for ThrottleConfig {
    fn default() -> Self {
        ThrottleConfig {
            window: Duration::from_secs(15 * 60),
            account_slow_after: 3,
            account_lock_after: 10,
            addr_lock_after: 50,
            delay_step: Duration::from_millis(500),
            max_delay: Duration::from_secs(4),
        }
    }
}

impl Config {
    /// Settings for a server on `addr` against `database_url`, with the
    /// defaults for everything else.
    pub fn new(database_url: impl Into<String>, addr: SocketAddr) -> Self {
        Config {
            database_url: database_url.into(),
            read_database_url: None,
            replica_max_lag: Duration::from_secs(30),
            replica_check: Duration::from_secs(2),
            addr,
            secure_cookies: false,
            trust_proxy: false,
            idle_timeout: Duration::from_secs(30 * 60),
            absolute_timeout: Duration::from_secs(12 * 60 * 60),
            throttle: ThrottleConfig::default(),
            smtp_url: None,
            mail_from: "Selaras <noreply@selaras.invalid>".into(),
            public_url: format!("http://{addr}"),
            mail_interval: Duration::from_secs(30),
            digest_after: Duration::from_secs(24 * 60 * 60),
            password_slots: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            password_wait: Duration::from_secs(2),
            totp_refuse_replay: true,
            request_timeout: Duration::from_secs(30),
            header_read_timeout: Duration::from_secs(10),
            require_policy: false,
            api_requests_per_minute: crate::state::RateLimiter::PER_MINUTE,
            page_cache: Duration::from_secs(2),
            session_cache: Duration::from_secs(2),
        }
    }
}

/// The URL with its password replaced by `***`, for messages and logs.
pub fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match authority.rfind('@') {
        Some(at) => {
            let userinfo = &authority[..at];
            let user = userinfo.split(':').next().unwrap_or("");
            let hidden = if userinfo.contains(':') {
                format!("{user}:***")
            } else {
                user.to_string()
            };
            format!("{}://{}{}", &url[..scheme_end], hidden, &rest[at..])
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact_url;

    #[test]
    fn hides_the_password_only() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db.example:5432/selaras"),
            "postgres://app:***@db.example:5432/selaras"
        );
        assert_eq!(
            redact_url("postgres://postgres@127.0.0.1:5432/selaras"),
            "postgres://postgres@127.0.0.1:5432/selaras"
        );
        assert_eq!(redact_url("postgres:///selaras"), "postgres:///selaras");
    }
}
