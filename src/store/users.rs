//! Accounts and their memberships.

use serde::Deserialize;
use serde_json::json;
use sqlx::types::Json;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

use super::{SaveError, audit};
use crate::domain::org::OrgKind;
use crate::domain::role::Role;

#[derive(Debug, Clone, Deserialize)]
pub struct MembershipRow {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub organization_name: String,
    pub organization_kind: OrgKind,
    /// The organization's region, which the membership carries.
    pub region_kode: String,
    pub role: Role,
    /// Lead (pengurus) of the organization: accepts its new members.
    #[serde(default)]
    pub lead: bool,
}

impl MembershipRow {
    /// Only a member of a lembaga can lead it (accept its new members).
    pub fn may_lead(&self) -> bool {
        self.organization_kind == OrgKind::Lembaga && self.role == Role::Community
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct User {
    pub id: Uuid,
    pub region_kode: String,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// `segera` or `kotak_masuk` (`domain::user::Notify`).
    pub notify: String,
    pub active: bool,
    pub version: i32,
    pub created_at: time::OffsetDateTime,
    pub memberships: Json<Vec<MembershipRow>>,
    /// When the second factor was set up, if it is.
    pub second_factor_at: Option<time::OffsetDateTime>,
}

const SELECT: &str =
    "SELECT u.id, u.region_kode, u.username, u.full_name, u.email, u.phone, u.notify, u.active, u.version,
        u.created_at, u.totp_enabled_at AS second_factor_at,
        COALESCE((SELECT json_agg(json_build_object(
                'id', m.id, 'organization_id', o.id, 'organization_name', o.name,
                'organization_kind', o.kind, 'region_kode', m.region_kode, 'role', m.role, 'lead', m.lead) ORDER BY o.name, m.role)
            FROM memberships m JOIN organizations o ON o.id = m.organization_id
            WHERE m.user_id = u.id), '[]') AS memberships
    FROM users u";

/// The interface language a person chose, remembered for their next
/// sign-in (issue 16), audited.
pub async fn set_language(
    db: &PgPool,
    user: &crate::auth::CurrentUser,
    lang: crate::i18n::Lang,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    let before: Option<String> =
        sqlx::query_scalar("SELECT lang FROM users WHERE id = $1 FOR UPDATE")
            .bind(user.id)
            .fetch_one(&mut *tx)
            .await?;
    if before.as_deref() == Some(lang.code()) {
        return Ok(());
    }
    sqlx::query("UPDATE users SET lang = $2 WHERE id = $1")
        .bind(user.id)
        .bind(lang.code())
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        audit::Entry {
            region_kode: Some(&user.region_kode),
            actor_id: Some(user.id),
            action: "update",
            entity: "language",
            entity_id: user.id.to_string(),
            before: Some(serde_json::json!({ "lang": before })),
            after: Some(serde_json::json!({ "lang": lang.code() })),
        },
    )
    .await?;
    tx.commit().await
}

/// The language a person chose, if they did.
pub async fn language(
    db: &PgPool,
    user_id: Uuid,
) -> Result<Option<crate::i18n::Lang>, sqlx::Error> {
    let lang: Option<String> = sqlx::query_scalar("SELECT lang FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await?
        .flatten();
    Ok(lang.as_deref().and_then(crate::i18n::Lang::parse))
}

/// A person's own name, contact details and notification choice, saved on
/// top of `version` (a stale form is refused), audited.
pub async fn update_own_profile(
    db: &PgPool,
    user: &User,
    version: i32,
    p: &crate::domain::user::Profile,
) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let done = sqlx::query(
        "UPDATE users SET full_name = $3, email = $4, phone = $5, notify = $6, version = version + 1
         WHERE id = $1 AND version = $2",
    )
    .bind(user.id)
    .bind(version)
    .bind(&p.full_name)
    .bind(&p.email)
    .bind(&p.phone)
    .bind(p.notify.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(
        &mut tx,
        audit::Entry {
            region_kode: Some(&user.region_kode),
            actor_id: Some(user.id),
            action: "update",
            entity: "profile",
            entity_id: user.id.to_string(),
            before: Some(
                serde_json::json!({"full_name": user.full_name, "email": user.email,
                "phone": user.phone, "notify": user.notify}),
            ),
            after: Some(
                serde_json::json!({"full_name": p.full_name, "email": p.email,
                "phone": p.phone, "notify": p.notify.as_str()}),
            ),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

pub async fn list(db: &PgPool, region: &str) -> Result<Vec<User>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE u.region_kode = $1 ORDER BY u.active DESC, u.username"
    ))
    .bind(region)
    .fetch_all(db)
    .await
}

pub async fn get(db: &PgPool, id: Uuid) -> Result<Option<User>, sqlx::Error> {
    // across regions: a person (a reference table) with their memberships
    // in every region they work in
    sqlx::query_as(&format!("{SELECT} WHERE u.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn find_by_username(db: &PgPool, username: &str) -> Result<Option<User>, sqlx::Error> {
    // across regions: a person by name (a reference table), with their
    // memberships in every region they work in
    sqlx::query_as(&format!("{SELECT} WHERE u.username = $1"))
        .bind(username)
        .fetch_optional(db)
        .await
}

/// What sign-in needs of an account.
#[derive(sqlx::FromRow)]
pub struct Credentials {
    pub id: Uuid,
    pub region_kode: String,
    pub password_hash: String,
    pub active: bool,
    /// A sign-up whose email is not confirmed yet.
    pub awaiting_confirmation: bool,
}

/// What sign-in needs: the hash, whether the account is active and
/// whether it still waits for its email to be confirmed (a sign-up).
pub async fn credentials(db: &PgPool, username: &str) -> Result<Option<Credentials>, sqlx::Error> {
    sqlx::query_as("SELECT id, region_kode, password_hash, active, awaiting_confirmation FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(db)
        .await
}

pub struct CreateUser<'a> {
    pub region_kode: &'a str,
    pub username: &'a str,
    pub full_name: &'a str,
    pub email: Option<&'a str>,
    pub password_hash: &'a str,
}

pub async fn create(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    u: CreateUser<'_>,
) -> Result<Uuid, SaveError> {
    let id = Uuid::now_v7();
    let res = sqlx::query(
        "INSERT INTO users (id, region_kode, username, full_name, email, password_hash) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(u.region_kode)
    .bind(u.username)
    .bind(u.full_name)
    .bind(u.email)
    .bind(u.password_hash)
    .execute(&mut *conn)
    .await;
    res?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(u.region_kode),
            actor_id: actor,
            action: "create",
            entity: "user",
            entity_id: id.to_string(),
            before: None,
            after: Some(
                json!({"username": u.username, "full_name": u.full_name, "email": u.email}),
            ),
        },
    )
    .await?;
    Ok(id)
}

/// Saves name and email typed on top of `version`; a stale save is refused.
pub async fn update_profile(
    conn: &mut PgConnection,
    actor: Uuid,
    current: &User,
    version: i32,
    full_name: &str,
    email: Option<&str>,
) -> Result<(), SaveError> {
    let done = sqlx::query(
        "UPDATE users SET full_name = $3, email = $4, version = version + 1 WHERE id = $1 AND version = $2",
    )
    .bind(current.id)
    .bind(version)
    .bind(full_name)
    .bind(email)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Err(SaveError::Conflict);
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&current.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "user",
            entity_id: current.id.to_string(),
            before: Some(json!({"full_name": current.full_name, "email": current.email})),
            after: Some(json!({"full_name": full_name, "email": email})),
        },
    )
    .await?;
    Ok(())
}

/// Locks an account's row for the rest of the transaction, so checks made
/// on it (who changed what of it lately) hold until the change commits.
pub async fn lock(conn: &mut PgConnection, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT 1 FROM users WHERE id = $1 FOR UPDATE")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets a new password and ends every session of the user except `keep`
/// (the session of a user who changed their own password).
pub async fn set_password(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    user: &User,
    hash: &str,
    keep: Option<&[u8]>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET password_hash = $2, password_changed_at = now(), version = version + 1 WHERE id = $1")
        .bind(user.id)
        .bind(hash)
        .execute(&mut *conn)
        .await?;
    super::sessions::delete_for_user(conn, user.id, keep).await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&user.region_kode),
            actor_id: actor,
            action: "set_password",
            entity: "user",
            entity_id: user.id.to_string(),
            before: None,
            after: None,
        },
    )
    .await?;
    // A password set by someone else (an admin) is told to its owner.
    if let Some(actor) = actor.filter(|a| *a != user.id) {
        super::notifications::send(
            conn,
            &[user.id],
            Some(actor),
            &user.region_kode,
            super::notifications::Reveals::Personal,
            "Kata sandi akun Anda diganti oleh administrator",
            "Semua sesi Anda diakhiri. Bila Anda tidak memintanya, hubungi administrator wilayah Anda.",
            "/",
        )
        .await?;
        super::notifications::tell_other_admins(
            conn,
            &user.region_kode,
            actor,
            user.id,
            &format!("Kata sandi {} diganti oleh administrator", user.username),
            "Periksa riwayat akun ini bila penggantian ini tidak sesuai.",
            &format!("/admin/pengguna/{}", user.id),
        )
        .await?;
    }
    Ok(())
}

/// Activates or deactivates an account; deactivation ends its sessions.
pub async fn set_active(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    user: &User,
    active: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET active = $2, version = version + 1 WHERE id = $1")
        .bind(user.id)
        .bind(active)
        .execute(&mut *conn)
        .await?;
    if !active {
        super::sessions::delete_for_user(conn, user.id, None).await?;
    }
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&user.region_kode),
            actor_id: actor,
            action: if active { "activate" } else { "deactivate" },
            entity: "user",
            entity_id: user.id.to_string(),
            before: Some(json!({"active": user.active})),
            after: Some(json!({"active": active})),
        },
    )
    .await
}

/// Adds (organization, role) to a user of the same pemda. Adding one that
/// exists already changes nothing.
pub async fn add_membership(
    conn: &mut PgConnection,
    actor: Option<Uuid>,
    region_kode: &str,
    user_id: Uuid,
    organization_id: Uuid,
    role: Role,
) -> Result<(), sqlx::Error> {
    let id = Uuid::now_v7();
    let inserted = sqlx::query(
        "INSERT INTO memberships (id, region_kode, user_id, organization_id, role) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, organization_id, role) DO NOTHING",
    )
    .bind(id)
    .bind(region_kode)
    .bind(user_id)
    .bind(organization_id)
    .bind(role)
    .execute(&mut *conn)
    .await?;
    if inserted.rows_affected() == 1 {
        audit::record(
            conn,
            audit::Entry {
                region_kode: Some(region_kode),
                actor_id: actor,
                action: "create",
                entity: "membership",
                entity_id: id.to_string(),
                before: None,
                after: Some(
                    json!({"user_id": user_id, "organization_id": organization_id, "role": role}),
                ),
            },
        )
        .await?;
        // The powers that enact plans or manage accounts are told to the
        // person who receives them, so a grant nobody asked for is seen.
        if let Some(actor) = actor
            && matches!(role, Role::Approver | Role::Admin)
        {
            super::notifications::send(
                conn,
                &[user_id],
                Some(actor),
                region_kode,
                super::notifications::Reveals::Personal,
                &format!("Anda diberi peran {}", role.label()),
                "Seorang administrator memberi akun Anda peran ini. Bila Anda tidak memintanya, hubungi administrator wilayah Anda.",
                "/",
            )
            .await?;
            super::notifications::tell_other_admins(
                conn,
                region_kode,
                actor,
                user_id,
                &format!("Peran {} diberikan", role.label()),
                "Seorang administrator memberi peran ini kepada sebuah akun. Periksa riwayatnya bila tidak sesuai.",
                &format!("/admin/pengguna/{user_id}"),
            )
            .await?;
        }
    }
    Ok(())
}

/// An admin makes a lembaga member its lead (pengurus), who accepts its
/// new members, or no longer; audited, and the person is told.
pub async fn set_lead_by_admin(
    conn: &mut PgConnection,
    actor: Uuid,
    user: &User,
    membership: &MembershipRow,
    lead: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE memberships SET lead = $2 WHERE id = $1 AND region_kode = $3")
        .bind(membership.id)
        .bind(lead)
        .bind(&membership.region_kode)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&user.region_kode),
            actor_id: Some(actor),
            action: "update",
            entity: "membership",
            entity_id: membership.id.to_string(),
            before: Some(json!({"lead": membership.lead})),
            after: Some(json!({"lead": lead})),
        },
    )
    .await?;
    super::notifications::send(
        conn,
        &[user.id],
        Some(actor),
        &user.region_kode,
        super::notifications::Reveals::Personal,
        &if lead {
            format!("Anda kini pengurus {}", membership.organization_name)
        } else {
            format!("Anda bukan lagi pengurus {}", membership.organization_name)
        },
        "Administrator wilayah mengubah peran Anda di lembaga ini. Pengurus memutuskan permintaan warga untuk bergabung.",
        "/akun",
    )
    .await
}

/// Makes a member the lead (pengurus) of the organization: they accept
/// new members of it.
pub async fn set_lead(
    conn: &mut PgConnection,
    region: &str,
    user_id: Uuid,
    organization_id: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE memberships SET lead = true
          WHERE user_id = $1 AND organization_id = $2 AND region_kode = $3",
    )
    .bind(user_id)
    .bind(organization_id)
    .bind(region)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn remove_membership(
    conn: &mut PgConnection,
    actor: Uuid,
    user: &User,
    membership: &MembershipRow,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM memberships WHERE id = $1 AND user_id = $2 AND region_kode = $3")
        .bind(membership.id)
        .bind(user.id)
        .bind(&membership.region_kode)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        audit::Entry {
            region_kode: Some(&user.region_kode),
            actor_id: Some(actor),
            action: "delete",
            entity: "membership",
            entity_id: membership.id.to_string(),
            before: Some(json!({"user_id": user.id, "organization_id": membership.organization_id, "role": membership.role})),
            after: None,
        },
    )
    .await
}

/// An admin's change to someone's credentials, held to the four eyes:
/// under a lock of the account, `allowed` is told whether this admin did
/// `other` to it lately (set its password, reset its second factor) and
/// answers `Ok(true)` to go on; then `write` runs, in the same
/// transaction. `Ok(false)` or a refusal writes nothing.
pub async fn four_eyes<E>(
    db: &PgPool,
    admin: Uuid,
    target: Uuid,
    other: &str,
    allowed: impl FnOnce(bool) -> Result<bool, E>,
    write: impl AsyncFnOnce(&mut PgConnection) -> Result<(), sqlx::Error>,
) -> Result<Result<bool, E>, sqlx::Error> {
    let mut tx = db.begin().await?;
    lock(&mut tx, target).await?;
    let did_other = audit::did_recently(&mut *tx, admin, other, target).await?;
    match allowed(did_other) {
        Ok(true) => {}
        refused => return Ok(refused),
    }
    write(&mut tx).await?;
    tx.commit().await?;
    Ok(Ok(true))
}
