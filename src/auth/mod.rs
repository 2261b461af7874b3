//! Who is asking: sessions, the `CurrentUser` extractor, passwords,
//! sign-in throttling, and the policy that decides what they may do.

pub mod guard;
pub mod password;
pub mod policy;
pub mod throttle;
pub mod totp;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, OptionalFromRequestParts};
use axum::http::{HeaderMap, Method, request::Parts};
use uuid::Uuid;

use crate::domain::role::Role;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::sessions::{self, SessionMembership};

pub const SESSION_COOKIE: &str = "selaras_sesi";
/// The name over HTTPS: `__Host-` makes the browser accept it only when
/// Secure, for this host, on path `/`, so neither a subdomain nor a plain
/// HTTP page can plant or overwrite it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-selaras_sesi";

pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_SESSION_COOKIE
    } else {
        SESSION_COOKIE
    }
}

/// The signed-in user of this request. Extracting it from a request
/// without a live session redirects to the sign-in form.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub id: Uuid,
    pub username: String,
    pub full_name: String,
    /// The pemda the account belongs to.
    pub region_kode: String,
    pub region_nama: String,
    pub province_nama: Option<String>,
    pub memberships: Vec<SessionMembership>,
    pub session_hash: Vec<u8>,
    /// Unread notifications, for the header.
    pub unread: i64,
}

impl CurrentUser {
    pub fn from_row(r: sessions::SessionRow, session_hash: Vec<u8>) -> CurrentUser {
        CurrentUser {
            id: r.user_id,
            username: r.username,
            full_name: r.full_name,
            region_kode: r.region_kode,
            region_nama: r.region_nama,
            province_nama: r.province_nama,
            memberships: r.memberships.0,
            session_hash,
            unread: r.unread,
        }
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.memberships.iter().any(|m| m.role == role)
    }

    /// Each role once, in the order of `Role::ALL`.
    pub fn roles(&self) -> Vec<Role> {
        Role::ALL
            .into_iter()
            .filter(|r| self.has_role(*r))
            .collect()
    }

    /// The desa/kelurahan the user operates for, if a village operator.
    pub fn village_wilayah(&self) -> Option<String> {
        self.memberships
            .iter()
            .find(|m| m.role == Role::Village)
            .and_then(|m| m.wilayah_kode.clone())
    }

    pub fn roles_label(&self) -> String {
        let roles = self.roles();
        if roles.is_empty() {
            crate::i18n::t("belum-ada-peran").to_string()
        } else {
            roles
                .iter()
                .map(|r| crate::i18n::label(r.label()))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }

    /// "Kota Magelang, Jawa Tengah"
    pub fn region_label(&self) -> String {
        match &self.province_nama {
            Some(p) => format!("{}, {}", self.region_nama, p),
            None => self.region_nama.clone(),
        }
    }
}

/// The value of our session cookie, if the request carries one (read by
/// axum-extra's cookie jar; only a well-formed token counts).
pub fn session_token(headers: &HeaderMap, secure: bool) -> Option<String> {
    axum_extra::extract::cookie::CookieJar::from_headers(headers)
        .get(session_cookie_name(secure))
        .map(|c| c.value().to_string())
        .filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// `Set-Cookie` for a session token (or for removing it, with `None`).
pub fn session_cookie(token: Option<&str>, secure: bool) -> String {
    use axum_extra::extract::cookie::{Cookie, SameSite};
    let cookie = Cookie::build((session_cookie_name(secure), token.unwrap_or("")))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure);
    match token {
        Some(_) => cookie.to_string(),
        None => cookie.max_age(time::Duration::ZERO).to_string(),
    }
}

/// Makes this instance forget the sessions it kept (`SessionCache`)
/// once any request that is not a GET, HEAD or OPTIONS has run on a route
/// (whatever its answer, and even if it was cut short after its commit):
/// what a write changed (a role, a name, the unread count, a session
/// ended, a password reset) shows on the next page here. The write itself
/// always read its session afresh (`load`). A request to no route (404,
/// 405) forgets nothing, so stray requests cannot keep the cache empty.
pub async fn forget_kept_sessions_on_writes(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    /// Forgets on drop, unless told the request reached no route.
    struct Forget(Option<std::sync::Arc<crate::state::SessionCache>>);
    impl Drop for Forget {
        fn drop(&mut self) {
            if let Some(kept) = &self.0 {
                kept.forget_all();
            }
        }
    }
    let mut forget = Forget(Some(state.sessions.clone()));
    let response = next.run(req).await;
    if matches!(
        response.status(),
        axum::http::StatusCode::NOT_FOUND | axum::http::StatusCode::METHOD_NOT_ALLOWED
    ) {
        forget.0 = None;
    }
    response
}

/// The client's address: the peer, or behind our own reverse proxy (when
/// configured) the last hop it appended to `X-Forwarded-For`.
pub struct ClientAddr(pub String);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(client_addr(parts, state.config.trust_proxy)))
    }
}

fn client_addr(parts: &Parts, trust_proxy: bool) -> String {
    if trust_proxy
        && let Some(last) = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
    {
        let last = last.trim();
        if let Ok(ip) = last.parse::<std::net::IpAddr>() {
            return throttle_key(ip);
        }
    }
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ci| throttle_key(ci.0.ip()))
        .unwrap_or_else(|| "unknown".to_string())
}

/// The client as the throttle counts it: an IPv4 address, or the /64 an
/// IPv6 address lies in (one subscriber gets a whole /64 and can change
/// addresses within it at will).
pub fn throttle_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

async fn load(parts: &mut Parts, state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    if let Some(cached) = parts.extensions.get::<CurrentUser>() {
        return Ok(Some(cached.clone()));
    }
    let Some(token) = session_token(&parts.headers, state.config.secure_cookies) else {
        return Ok(None);
    };
    let hash = sessions::hash_token(&token);
    let reading = matches!(parts.method, Method::GET | Method::HEAD);
    let now = std::time::Instant::now();
    let kept = match reading {
        true => state.sessions.get(&hash, now),
        false => None,
    };
    let row = match kept {
        Some(row) => Some(row),
        None => {
            let cfg = &state.config;
            let row = sessions::load(
                &state.db,
                &hash,
                cfg.idle_timeout.as_secs_f64(),
                cfg.absolute_timeout.as_secs_f64(),
            )
            .await?;
            if let (true, Some(r)) = (reading, &row) {
                state.sessions.put(hash.clone(), now, r.clone());
            }
            row
        }
    };
    // A session that never passed the second factor opens nothing for a
    // user who now holds a role that needs one (granted while signed in):
    // the next sign-in asks for the code, or for setting it up.
    let row = row.filter(|r| {
        r.factor_passed || !r.memberships.0.iter().any(|m| m.role.needs_second_factor())
    });
    let user = row.map(|r| CurrentUser::from_row(r, hash));
    if let Some(u) = &user {
        parts.extensions.insert(u.clone());
    }
    Ok(user)
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match load(parts, state).await? {
            Some(user) => Ok(user),
            // Deny by default: "sign in first" is the policy's answer.
            None => Err(policy::signed_out(AppError::SignInRequired {
                next: parts
                    .uri
                    .path_and_query()
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "/".into()),
            })),
        }
    }
}

/// A signed-in administrator of their own region: every admin page takes
/// this instead of `CurrentUser`, so no admin handler can forget the gate
/// (each still asks the policy for its own action).
pub struct AdminUser(pub CurrentUser);

impl FromRequestParts<AppState> for AdminUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user =
            <CurrentUser as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
        policy::authorize(
            &user,
            policy::Action::ViewAdmin {
                region: &user.region_kode,
            },
        )?;
        Ok(AdminUser(user))
    }
}

impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, Self::Rejection> {
        load(parts, state).await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_ipv6_client_is_counted_by_its_64() {
        let a = super::throttle_key("2001:db8:1:2:aaaa::1".parse().unwrap());
        let b = super::throttle_key("2001:db8:1:2:bbbb:cccc::9".parse().unwrap());
        let c = super::throttle_key("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(
            super::throttle_key("203.0.113.7".parse().unwrap()),
            "203.0.113.7"
        );
        assert_eq!(
            super::throttle_key("::ffff:203.0.113.7".parse().unwrap()),
            "203.0.113.7"
        );
    }
}
