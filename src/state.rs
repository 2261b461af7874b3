//! What every request shares: the pool, the configuration and a few
//! caches. It imports nothing of `web` or `app`, so `auth`'s extractors
//! can name it without a cycle through the router.

use std::sync::Arc;

use sqlx::PgPool;

use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: PgPool,
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
    /// Turns for decoding uploaded photos (each may hold a few hundred
    /// MB while it is downsized): two at a time, the rest wait.
    pub photo_slots: Arc<tokio::sync::Semaphore>,
}

/// Findings of plans as computed for a version of the data, kept apart
/// for the plan read as public and as a draft (a public plan's findings
/// quote no draft's targets, so a plan published meanwhile never serves
/// what was computed while it was a draft); a few hundred plans at most,
/// forgotten all at once when full.
#[derive(Default)]
pub struct CheckCache {
    inner: std::sync::Mutex<std::collections::HashMap<(uuid::Uuid, bool), Kept>>,
}

/// The findings of a plan and the data version they were computed at.
type Kept = (i64, Arc<Vec<crate::domain::checks::Finding>>);

impl CheckCache {
    const MAX: usize = 512;

    /// `public`: the plan's stage as read when the findings were asked
    /// for is public.
    pub fn get(
        &self,
        plan: uuid::Uuid,
        public: bool,
        version: i64,
    ) -> Option<Arc<Vec<crate::domain::checks::Finding>>> {
        let map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&(plan, public))
            .filter(|(v, _)| *v == version)
            .map(|(_, f)| f.clone())
    }

    pub fn put(
        &self,
        plan: uuid::Uuid,
        public: bool,
        version: i64,
        findings: Arc<Vec<crate::domain::checks::Finding>>,
    ) {
        let mut map = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= Self::MAX && !map.contains_key(&(plan, public)) {
            map.clear();
        }
        map.insert((plan, public), (version, findings));
    }
}

impl AppState {
    pub fn new(db: PgPool, config: Config) -> Self {
        let dummy_hash = crate::auth::password::hash_blocking("selaras-tidak-ada-akun-ini")
            .expect("argon2 hashes a constant password");
        AppState {
            db,
            password_slots: Arc::new(tokio::sync::Semaphore::new(config.password_slots.max(1))),
            check_cache: Arc::new(CheckCache::default()),
            chapters: Arc::new(ChapterCache::default()),
            maps: Arc::new(MapCache::default()),
            photo_slots: Arc::new(tokio::sync::Semaphore::new(2)),
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
