//! What every request shares: the pool, the configuration and a few
//! caches. It imports nothing of `web` or `app`, so `auth`'s extractors
//! can name it without a cycle through the router.

use std::sync::Arc;

use sqlx::PgPool;

use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
    /// The read replica (`Config::read_database_url`), or the same pool as
    /// `db` without one. Only `web::reader::Reader` hands it out.
    pub read_db: PgPool,
    /// Whether the replica answered its last check within the allowed lag
    /// (`app::watch_replica`); until it has, and whenever it has not,
    /// visitors read the primary. Always false without a replica.
    pub replica_ok: Arc<std::sync::atomic::AtomicBool>,
    pub config: Arc<Config>,
    /// A hash to verify against when the account does not exist, so that
    /// a failed sign-in takes as long whether or not it does.
    pub dummy_hash: Arc<String>,
    /// Turns for Argon2 verifications (`Config::password_slots`).
    pub password_slots: Arc<tokio::sync::Semaphore>,
    /// Public Cek results per plan and data version.
    pub check_cache: Arc<CheckCache>,
    /// Chapters rendered per version.
    pub chapters: Arc<ChapterCache>,
    /// Map outlines projected per area set, size and outline version.
    pub maps: Arc<MapCache>,
    /// Plan trees rendered per plan, language and data version.
    pub trees: Arc<Versioned<(uuid::Uuid, crate::i18n::Lang), Markup>>,
    /// What a plan's page shows of its data alone, per plan and data
    /// version (`store::plans::PageFacts`).
    pub plan_facts: Arc<Versioned<uuid::Uuid, crate::store::plans::PageFacts>>,
    /// Plans as their pages read them, per data version.
    pub plan_rows: Arc<Versioned<uuid::Uuid, crate::store::plans::Plan>>,
    /// The comments a plan's page shows, per (data version, the plan's
    /// comment version): a name or an item changed, or a comment written.
    pub plan_comments: Arc<Versioned<uuid::Uuid, Vec<crate::store::comments::Comment>, (i64, i64)>>,
    /// Turns for decoding uploaded photos (each may hold a few hundred
    /// MB while it is downsized): two at a time, the rest wait.
    pub photo_slots: Arc<tokio::sync::Semaphore>,
    /// Each open-data API client's budget of requests.
    pub api_limiter: Arc<RateLimiter>,
    /// Public pages as last sent to visitors (`web::revalidate`).
    pub pages: Arc<PageCache>,
    /// Sessions as last read, for reading pages (`SessionCache`).
    pub sessions: Arc<SessionCache>,
}

/// Values read once and answered again from memory for a short while
/// (`ttl`), bounded in entries and in bytes (as `weigh` counts them);
/// forgotten all at once when full, so a flood of keys costs a clear, not
/// a scan. A zero `ttl` keeps nothing.
pub struct Kept<K, V> {
    ttl: std::time::Duration,
    max_entries: usize,
    max_bytes: usize,
    weigh: fn(&V) -> usize,
    inner: std::sync::Mutex<Entries<K, V>>,
}

/// The bytes kept, and the values with when they were read.
type Entries<K, V> = (usize, std::collections::HashMap<K, (std::time::Instant, V)>);

impl<K: std::hash::Hash + Eq, V: Clone> Kept<K, V> {
    pub fn new(
        ttl: std::time::Duration,
        max_entries: usize,
        max_bytes: usize,
        weigh: fn(&V) -> usize,
    ) -> Self {
        Kept {
            ttl,
            max_entries,
            max_bytes,
            weigh,
            inner: std::sync::Mutex::new((0, std::collections::HashMap::new())),
        }
    }

    /// The value behind `key` if it was read less than the TTL before `now`.
    pub fn get<Q>(&self, key: &Q, now: std::time::Instant) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        if self.ttl.is_zero() {
            return None;
        }
        let map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        map.1
            .get(key)
            .filter(|(at, _)| now.saturating_duration_since(*at) < self.ttl)
            .map(|(_, v)| v.clone())
    }

    /// Whether a value of `weight` bytes would be kept (worth building).
    pub fn keeps(&self, weight: usize) -> bool {
        !self.ttl.is_zero() && weight <= self.max_bytes / 8
    }

    /// Keeps `value` as read at `at`; one heavier than an eighth of the
    /// bound is not kept.
    pub fn put(&self, key: K, at: std::time::Instant, value: V) {
        let weight = (self.weigh)(&value);
        if !self.keeps(weight) {
            return;
        }
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let (bytes, values) = &mut *map;
        let crowded = values.len() >= self.max_entries && !values.contains_key(&key);
        if crowded || *bytes + weight > self.max_bytes {
            values.clear();
            *bytes = 0;
        }
        *bytes += weight;
        if let Some((_, old)) = values.insert(key, (at, value)) {
            *bytes -= (self.weigh)(&old);
        }
    }

    pub fn forget_all(&self) {
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        map.1.clear();
        map.0 = 0;
    }
}

/// Sessions as last read, for reading pages: a GET or HEAD within the TTL
/// (`Config::session_cache`) reuses the row instead of reading it again.
pub type SessionCache = Kept<Vec<u8>, crate::store::sessions::SessionRow>;

/// A session cache of at most 20,000 sessions.
pub fn session_cache(ttl: std::time::Duration) -> SessionCache {
    Kept::new(ttl, 20_000, usize::MAX, |_| 0)
}

/// Public pages as sent to visitors, answered again from memory for a
/// short while (`Config::page_cache`): the same bytes for everyone not
/// signed in, per address and language. At most 2,048 pages and 32 MiB.
pub type PageCache = Kept<PageKey, KeptPage>;

pub fn page_cache(ttl: std::time::Duration) -> PageCache {
    Kept::new(ttl, 2048, 32 * 1024 * 1024, |p| {
        p.body.len() + p.gzip.as_ref().map_or(0, |g| g.len())
    })
}

/// A page's address (path and query) and language.
pub type PageKey = (String, crate::i18n::Lang);

#[derive(Clone)]
pub struct KeptPage {
    pub headers: axum::http::HeaderMap,
    pub body: axum::body::Bytes,
    /// The body gzipped once, for every client that takes gzip (a 2 MB
    /// plan page costs milliseconds to compress, each time).
    pub gzip: Option<axum::body::Bytes>,
}

impl KeptPage {
    pub fn new(headers: axum::http::HeaderMap, body: axum::body::Bytes) -> Self {
        let gzip = gzipped(&body);
        KeptPage {
            headers,
            body,
            gzip,
        }
    }
}

/// `body` gzipped, when that is worth it.
fn gzipped(body: &[u8]) -> Option<axum::body::Bytes> {
    use std::io::Write;
    if body.len() < 1024 {
        return None;
    }
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 8),
        flate2::Compression::default(),
    );
    gz.write_all(body).ok()?;
    gz.finish().ok().map(axum::body::Bytes::from)
}

/// Findings of plans as computed for a version of the data (in the
/// language they were written in), kept apart
/// for the plan read as public and as a draft (a public plan's findings
/// quote no draft's targets, so a plan published meanwhile never serves
/// what was computed while it was a draft); a few hundred plans at most,
/// forgotten all at once when full.
#[derive(Default)]
pub struct CheckCache {
    inner: std::sync::Mutex<
        std::collections::HashMap<
            (
                uuid::Uuid,
                crate::domain::checks::Quoting,
                crate::i18n::Lang,
            ),
            KeptFindings,
        >,
    >,
}

/// The findings of a plan and the data version they were computed at.
type KeptFindings = (i64, Arc<Vec<crate::domain::checks::Finding>>);

impl CheckCache {
    const MAX: usize = 512;

    /// `quoting`: what the findings were allowed to quote (from the plan's
    /// stage as read when they were asked for, or the open data's rule).
    pub fn get(
        &self,
        plan: uuid::Uuid,
        quoting: crate::domain::checks::Quoting,
        version: i64,
    ) -> Option<Arc<Vec<crate::domain::checks::Finding>>> {
        let map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&(plan, quoting, crate::i18n::current()))
            .filter(|(v, _)| *v == version)
            .map(|(_, f)| f.clone())
    }

    pub fn put(
        &self,
        plan: uuid::Uuid,
        quoting: crate::domain::checks::Quoting,
        version: i64,
        findings: Arc<Vec<crate::domain::checks::Finding>>,
    ) {
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= Self::MAX && !map.contains_key(&(plan, quoting, crate::i18n::current())) {
            map.clear();
        }
        // A reader of a lagging replica computes at an older version: it
        // never replaces what a newer one kept.
        if map
            .get(&(plan, quoting, crate::i18n::current()))
            .is_some_and(|(v, _)| *v > version)
        {
            return;
        }
        map.insert((plan, quoting, crate::i18n::current()), (version, findings));
    }
}

impl AppState {
    pub fn new(db: PgPool, config: Config) -> Self {
        let dummy_hash = crate::auth::password::hash_blocking("selaras-tidak-ada-akun-ini")
            .expect("argon2 hashes a constant password");
        let read_db = config
            .read_database_url
            .as_deref()
            .and_then(|u| match crate::db::connect_lazy(u) {
                Ok(pool) => Some(pool),
                Err(e) => {
                    tracing::error!(error = %e, "read replica disabled");
                    None
                }
            })
            .unwrap_or_else(|| db.clone());
        AppState {
            db,
            read_db,
            replica_ok: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            password_slots: Arc::new(tokio::sync::Semaphore::new(config.password_slots.max(1))),
            check_cache: Arc::new(CheckCache::default()),
            chapters: Arc::new(ChapterCache::default()),
            maps: Arc::new(MapCache::default()),
            trees: Arc::new(Versioned::new(256)),
            plan_facts: Arc::new(Versioned::new(256)),
            plan_rows: Arc::new(Versioned::new(1024)),
            plan_comments: Arc::new(Versioned::new(256)),
            photo_slots: Arc::new(tokio::sync::Semaphore::new(2)),
            api_limiter: Arc::new(RateLimiter::new(config.api_requests_per_minute)),
            pages: Arc::new(page_cache(config.page_cache)),
            sessions: Arc::new(session_cache(config.session_cache)),
            config: Arc::new(config),
            dummy_hash: Arc::new(dummy_hash),
        }
    }
}

/// A chapter's Markdown rendered and sanitized, with its paragraphs (for
/// comments on them): done once per version of the chapter, not per
/// request.
pub struct Chapter {
    pub html: String,
    pub paragraphs: Vec<(String, String)>,
}

#[derive(Default)]
pub struct ChapterCache {
    inner: std::sync::Mutex<std::collections::HashMap<(uuid::Uuid, i32, String), Arc<Chapter>>>,
}

impl ChapterCache {
    /// A few thousand chapters at most; forgotten all at once when full.
    const MAX: usize = 4096;

    /// The chapter `id` at `version`, under the anchor prefix `key`.
    pub fn get(&self, id: uuid::Uuid, version: i32, md: &str, key: &str) -> Arc<Chapter> {
        let k = (id, version, key.to_string());
        if let Some(hit) = self.inner.lock().unwrap_or_else(|e| e.into_inner()).get(&k) {
            return hit.clone();
        }
        let chapter = Arc::new(Chapter {
            html: crate::domain::markdown::render(md, key),
            paragraphs: crate::domain::markdown::paragraphs(md, key),
        });
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= Self::MAX {
            map.clear();
        }
        map.insert(k, chapter.clone());
        chapter
    }
}

/// Outlines projected and simplified for one map (its areas, its size, the
/// version of their boundaries): parsing and simplifying a kabupaten's
/// desa is the costly part of a map, and it changes only on an import.
#[derive(Default)]
pub struct MapCache {
    inner: std::sync::Mutex<std::collections::HashMap<String, Arc<crate::domain::map::Geometry>>>,
}

impl MapCache {
    /// A few hundred maps at most; forgotten all at once when full.
    const MAX: usize = 512;

    pub fn get(&self, key: &str) -> Option<Arc<crate::domain::map::Geometry>> {
        let map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key).cloned()
    }

    /// When full, the small drawings (one desa, a few partners: `of:`
    /// keys, cheap to draw again) go first, so a stream of desa pictures
    /// never pushes out a kabupaten's map.
    pub fn put(&self, key: String, geometry: Arc<crate::domain::map::Geometry>) {
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= Self::MAX {
            map.retain(|k, _| !k.starts_with("of:"));
            if map.len() >= Self::MAX {
                map.clear();
            }
        }
        map.insert(key, geometry);
    }
}

/// A token bucket per client of the open-data API: `per_minute` requests
/// a minute, spent at most `per_minute` at once (0: no limit, for
/// benchmarks). Kept in this process
/// (behind a load balancer each instance counts its own). The table holds
/// at most `CLIENTS` clients: those full again are forgotten (at most once
/// a second), and while it is still full, new clients share one bucket.
pub struct RateLimiter {
    per_minute: u32,
    inner: std::sync::Mutex<Buckets>,
}

impl Default for RateLimiter {
    fn default() -> Self {
        RateLimiter::new(RateLimiter::PER_MINUTE)
    }
}

#[derive(Default)]
struct Buckets {
    clients: std::collections::HashMap<String, Bucket>,
    pruned: Option<std::time::Instant>,
}

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: std::time::Instant,
}

impl RateLimiter {
    /// The default budget.
    pub const PER_MINUTE: u32 = 120;
    const CLIENTS: usize = 10_000;
    /// The bucket new clients share while the table is full.
    const OVERFLOW: &'static str = "*";

    pub fn new(per_minute: u32) -> Self {
        RateLimiter {
            per_minute,
            inner: std::sync::Mutex::new(Buckets::default()),
        }
    }

    pub fn per_minute(&self) -> u32 {
        self.per_minute
    }

    /// Takes one request from `client`'s budget at `now`; false when none
    /// is left.
    pub fn spend(&self, client: &str, now: std::time::Instant) -> bool {
        if self.per_minute == 0 {
            return true;
        }
        let cap = f64::from(self.per_minute);
        let per_sec = cap / 60.0;
        let mut b = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut key = client;
        if b.clients.len() >= Self::CLIENTS && !b.clients.contains_key(client) {
            let due = b
                .pruned
                .is_none_or(|t| now.saturating_duration_since(t).as_secs() >= 1);
            if due {
                b.pruned = Some(now);
                b.clients.retain(|_, k| {
                    k.tokens + now.saturating_duration_since(k.at).as_secs_f64() * per_sec < cap
                });
            }
            if b.clients.len() >= Self::CLIENTS {
                key = Self::OVERFLOW;
            }
        }
        let bucket = b.clients.entry(key.to_string()).or_insert(Bucket {
            tokens: cap,
            at: now,
        });
        // Requests race to the lock: a later one may carry an earlier
        // `now`, which must not give back time.
        let now = now.max(bucket.at);
        let refill = now.saturating_duration_since(bucket.at).as_secs_f64() * per_sec;
        bucket.tokens = (bucket.tokens + refill).min(cap);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// Markup rendered once and kept (a plan's tree), and whether it shows
/// anything.
pub struct Markup {
    pub html: String,
    pub empty: bool,
}

/// Values computed from the data as of a data version (`data_version`,
/// bumped at the commit of any change to plans, items, indicators, pagu,
/// organizations…), kept per key until the version moves on; a few hundred
/// keys at most, forgotten all at once when full. A version may be a
/// tuple of counters that each only grow (the data's, a plan's comments').
pub struct Versioned<K, V, N = i64> {
    max: usize,
    inner: std::sync::Mutex<std::collections::HashMap<K, (N, Arc<V>)>>,
}

impl<K: std::hash::Hash + Eq, V, N: Ord + Copy> Versioned<K, V, N> {
    pub fn new(max: usize) -> Self {
        Versioned {
            max,
            inner: std::sync::Mutex::new(std::collections::HashMap::new()),
        }
    }

    pub fn get(&self, key: &K, version: N) -> Option<Arc<V>> {
        let map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key)
            .filter(|(v, _)| *v == version)
            .map(|(_, x)| x.clone())
    }

    /// Keeps `value` for `key` at `version`, unless a newer version's is
    /// kept (a reader of a lagging replica computes at an older one).
    pub fn put(&self, key: K, version: N, value: Arc<V>) {
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if map.get(&key).is_some_and(|(v, _)| *v > version) {
            return;
        }
        if map.len() >= self.max && !map.contains_key(&key) {
            map.clear();
        }
        map.insert(key, (version, value));
    }
}

#[cfg(test)]
mod tests {
    use super::{Kept, RateLimiter};
    use std::time::{Duration, Instant};

    #[test]
    fn kept_values_expire_and_stay_within_their_bounds() {
        let t = Instant::now();
        let kept: Kept<String, String> = Kept::new(Duration::from_secs(2), 3, 100, |v| v.len());
        kept.put("a".into(), t, "x".repeat(10));
        assert_eq!(
            kept.get("a", t + Duration::from_secs(1)).as_deref(),
            Some(&*"x".repeat(10))
        );
        assert_eq!(
            kept.get("a", t + Duration::from_secs(2)),
            None,
            "past its time"
        );
        assert_eq!(kept.get("b", t), None);
        // A value heavier than an eighth of the bound is not kept.
        kept.put("big".into(), t, "x".repeat(13));
        assert_eq!(kept.get("big", t), None);
        // A fourth key clears the three kept; replacing one does not.
        kept.put("b".into(), t, "b".into());
        kept.put("c".into(), t, "c".into());
        kept.put("c".into(), t, "cc".into());
        assert_eq!(kept.get("a", t).as_deref(), Some(&*"x".repeat(10)));
        assert_eq!(kept.get("c", t).as_deref(), Some("cc"));
        kept.put("d".into(), t, "d".into());
        assert_eq!(kept.get("a", t), None, "forgotten when full");
        assert_eq!(kept.get("d", t).as_deref(), Some("d"));
        // The bytes: nine values of 11 fit in 100 (each under 100 / 8), a
        // tenth does not.
        let heavy: Kept<u8, String> = Kept::new(Duration::from_secs(2), 100, 100, |v| v.len());
        for k in 0..9 {
            heavy.put(k, t, "y".repeat(11));
        }
        assert!(heavy.get(&0, t).is_some() && heavy.get(&8, t).is_some());
        heavy.put(9, t, "y".repeat(11));
        assert!(heavy.get(&9, t).is_some());
        assert!(
            heavy.get(&0, t).is_none(),
            "cleared once 110 bytes would pass 100"
        );
        heavy.forget_all();
        assert!(heavy.get(&9, t).is_none());
        let off: Kept<u8, u8> = Kept::new(Duration::ZERO, 10, 10, |_| 0);
        off.put(1, t, 1);
        assert_eq!(off.get(&1, t), None, "a zero time keeps nothing");
    }

    #[test]
    fn a_client_spends_its_budget_and_gets_it_back_with_time() {
        let l = RateLimiter::default();
        let t = Instant::now();
        for _ in 0..RateLimiter::PER_MINUTE {
            assert!(l.spend("10.0.0.1", t));
        }
        assert!(!l.spend("10.0.0.1", t), "the budget is spent");
        assert!(l.spend("10.0.0.2", t), "another client has its own");
        // Two a second come back.
        assert!(l.spend("10.0.0.1", t + Duration::from_millis(600)));
        assert!(!l.spend("10.0.0.1", t + Duration::from_millis(600)));
        // An earlier instant, arriving late, gives nothing back.
        assert!(!l.spend("10.0.0.1", t));
    }

    #[test]
    fn kept_values_answer_their_version_only_and_never_go_back() {
        let kept: super::Versioned<u8, &str> = super::Versioned::new(2);
        kept.put(1, 5, std::sync::Arc::new("v5"));
        assert_eq!(kept.get(&1, 5).as_deref(), Some(&"v5"));
        assert!(kept.get(&1, 6).is_none(), "the data moved on");
        kept.put(1, 4, std::sync::Arc::new("v4"));
        assert_eq!(
            kept.get(&1, 5).as_deref(),
            Some(&"v5"),
            "an older one does not replace it"
        );
        kept.put(2, 5, std::sync::Arc::new("b"));
        kept.put(3, 5, std::sync::Arc::new("c"));
        assert!(kept.get(&1, 5).is_none(), "full: forgotten all at once");
        assert!(kept.get(&3, 5).is_some());
    }

    #[test]
    fn a_full_table_forgets_idle_clients_and_holds_no_more() {
        let l = RateLimiter::default();
        let t = Instant::now();
        for n in 0..RateLimiter::CLIENTS {
            assert!(l.spend(&format!("c{n}"), t));
        }
        // Everyone has spent one: nobody is full again yet, so a newcomer
        // shares the overflow bucket and the table does not grow.
        assert!(l.spend("late", t));
        let len = || l.inner.lock().unwrap().clients.len();
        assert_eq!(len(), RateLimiter::CLIENTS + 1);
        for _ in 0..RateLimiter::PER_MINUTE {
            l.spend("later", t + Duration::from_millis(10));
        }
        assert!(
            !l.spend("latest", t + Duration::from_millis(20)),
            "the overflow bucket is spent"
        );
        assert_eq!(len(), RateLimiter::CLIENTS + 1);
        // A second on, the idle clients are full again and forgotten.
        assert!(l.spend("fresh", t + Duration::from_secs(2)));
        assert!(len() < 10, "{}", len());
    }
}
