//! Email, only when SMTP is configured: notifications are mailed from an
//! outbox (the notifications not yet mailed), which the server drains in the
//! background. The inbox always works; email is a copy.

use std::time::Duration;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::PgPool;

use crate::config::{Config, redact_url};
use crate::store::notifications;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
}

impl Mailer {
    /// None when no SMTP server is configured.
    pub fn from_config(cfg: &Config) -> Result<Option<Mailer>, String> {
        let Some(url) = &cfg.smtp_url else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SELARAS_SMTP_URL {} is not usable: {e}", redact_url(url)))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from: Mailbox = cfg.mail_from.parse().map_err(|e| {
            format!(
                "SELARAS_MAIL_FROM {:?} is not an address: {e}",
                cfg.mail_from
            )
        })?;
        Ok(Some(Mailer {
            transport,
            from,
            public_url: cfg.public_url.trim_end_matches('/').to_string(),
        }))
    }
}

impl Mailer {
    /// Sends one message now (a reset link: never stored, never queued).
    pub async fn send_one(
        &self,
        name: &str,
        email: &str,
        subject: &str,
        text: &str,
    ) -> Result<(), String> {
        let to: Mailbox = format!("{name} <{email}>")
            .parse()
            .map_err(|e| format!("{e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(format!("[Selaras] {subject}"))
            .body(text.to_string())
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    pub fn public_url(&self) -> &str {
        &self.public_url
    }
}

#[derive(sqlx::FromRow)]
struct Pending {
    id: i64,
    user_id: uuid::Uuid,
    email: String,
    full_name: String,
    title: String,
    body: String,
    link: String,
    #[sqlx(flatten)]
    audience: notifications::Audience,
}

/// Mails up to 100 pending notifications of the last two days to users who
/// have an email address; marks them mailed. Rows are locked with SKIP
/// LOCKED, so several server instances never send one twice.
pub async fn drain_outbox(db: &PgPool, mailer: &Mailer) -> Result<usize, String> {
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    // across regions: the outbox sends every region's pending mail.
    let rows: Vec<Pending> = sqlx::query_as(&format!(
        "SELECT n.id, n.user_id, u.email, u.full_name, n.title, n.body, n.link, {}
         FROM notifications n JOIN users u ON u.id = n.user_id
         LEFT JOIN plans p ON p.id = n.plan_id
         WHERE n.emailed_at IS NULL AND u.email IS NOT NULL AND u.active AND u.notify = 'segera'
           AND n.created_at > now() - interval '2 days'
         ORDER BY n.id LIMIT 100
         FOR UPDATE OF n SKIP LOCKED",
        notifications::AUDIENCE_COLUMNS
    ))
    .fetch_all(&mut *tx)
    .await
    .map_err(|e| e.to_string())?;
    // The same rule as the page, for each recipient now: what they may no
    // longer read is marked done without being sent.
    let mut ids: Vec<uuid::Uuid> = rows.iter().map(|r| r.user_id).collect();
    ids.sort();
    ids.dedup();
    let viewers = crate::store::sessions::viewers(&mut tx, &ids)
        .await
        .map_err(|e| e.to_string())?;
    let mut sent = Vec::new();
    for row in rows {
        let Pending {
            id,
            user_id,
            email,
            full_name: name,
            title,
            body,
            link,
            audience,
        } = row;
        if !viewers
            .iter()
            .any(|v| v.id == user_id && audience.admits(v))
        {
            sent.push(id);
            continue;
        }
        let to: Mailbox = match format!("{name} <{email}>").parse() {
            Ok(m) => m,
            Err(_) => {
                sent.push(id); // an unusable address: do not retry forever
                continue;
            }
        };
        let text = format!(
            "{title}\n\n{body}\n\nBuka: {}{link}\n\n-- \nSelaras. Pemberitahuan ini juga ada di kotak masuk Anda.",
            mailer.public_url
        );
        let message = Message::builder()
            .from(mailer.from.clone())
            .to(to)
            .subject(format!("[Selaras] {title}"))
            .body(text)
            .map_err(|e| e.to_string())?;
        match mailer.transport.send(message).await {
            Ok(_) => sent.push(id),
            Err(e) => {
                tracing::warn!(error = %e, "sending a notification email failed; will retry");
                break;
            }
        }
    }
    // across regions: the outbox's rows just handled, of any region, by key
    sqlx::query("UPDATE notifications SET emailed_at = now() WHERE id = ANY($1)")
        .bind(&sent)
        .execute(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(sent.len())
}

/// Sends the daily digest of each person who chose one (`notify =
/// 'harian'`) and whose oldest pending notification is `after` old: one
/// mail with all of them (up to 50 people a round; rows locked with SKIP
/// LOCKED like the outbox), each still asked the page's rule for the
/// person now. Returns how many digests went out.
pub async fn send_digests(db: &PgPool, mailer: &Mailer, after: Duration) -> Result<usize, String> {
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    // across regions: the digest gathers every region's pending mail.
    let rows: Vec<Pending> = sqlx::query_as(&format!(
        "SELECT n.id, n.user_id, u.email, u.full_name, n.title, n.body, n.link, {}
         FROM notifications n JOIN users u ON u.id = n.user_id
         LEFT JOIN plans p ON p.id = n.plan_id
         WHERE n.emailed_at IS NULL AND u.email IS NOT NULL AND u.active AND u.notify = 'harian'
           AND n.created_at > now() - interval '7 days'
           AND n.user_id IN (
               SELECT m.user_id FROM notifications m JOIN users d ON d.id = m.user_id
               WHERE m.emailed_at IS NULL AND m.created_at > now() - interval '7 days'
                 AND d.notify = 'harian' AND d.email IS NOT NULL AND d.active
               GROUP BY m.user_id HAVING min(m.created_at) <= now() - $1::interval
               ORDER BY min(m.created_at) LIMIT 50)
         ORDER BY n.user_id, n.id
         FOR UPDATE OF n SKIP LOCKED",
        notifications::AUDIENCE_COLUMNS
    ))
    .bind(sqlx::postgres::types::PgInterval::try_from(after).map_err(|e| e.to_string())?)
    .fetch_all(&mut *tx)
    .await
    .map_err(|e| e.to_string())?;
    let mut ids: Vec<uuid::Uuid> = rows.iter().map(|r| r.user_id).collect();
    ids.sort();
    ids.dedup();
    let viewers = crate::store::sessions::viewers(&mut tx, &ids)
        .await
        .map_err(|e| e.to_string())?;
    let mut done: Vec<i64> = Vec::new();
    let mut digests = 0;
    for user in &ids {
        let mine: Vec<&Pending> = rows.iter().filter(|r| r.user_id == *user).collect();
        let readable: Vec<&&Pending> = mine
            .iter()
            .filter(|r| {
                viewers
                    .iter()
                    .any(|v| v.id == *user && r.audience.admits(v))
            })
            .collect();
        let Some(first) = mine.first() else { continue };
        if !readable.is_empty() {
            let to: Result<Mailbox, _> = format!("{} <{}>", first.full_name, first.email).parse();
            if let Ok(to) = to {
                let mut text = format!(
                    "Ringkasan pemberitahuan Selaras Anda ({}):\n\n",
                    readable.len()
                );
                for r in &readable {
                    text.push_str(&format!(
                        "* {}\n  {}\n  {}{}\n\n",
                        r.title, r.body, mailer.public_url, r.link
                    ));
                }
                text.push_str("-- \nSelaras. Semua pemberitahuan ini juga ada di kotak masuk Anda. Ubah cara pemberitahuan di halaman Profil saya.");
                let Ok(message) = Message::builder()
                    .from(mailer.from.clone())
                    .to(to)
                    .subject(format!(
                        "[Selaras] Ringkasan harian: {} pemberitahuan",
                        readable.len()
                    ))
                    .body(text)
                else {
                    // A message that cannot be built will not be later
                    // either: done, and the others still go.
                    done.extend(mine.iter().map(|r| r.id));
                    continue;
                };
                if let Err(e) = mailer.transport.send(message).await {
                    tracing::warn!(error = %e, "sending a daily digest failed; will retry");
                    break;
                }
                digests += 1;
            }
        }
        // What was sent, and what the person may no longer read, is done.
        done.extend(mine.iter().map(|r| r.id));
    }
    // across regions: the outbox's rows just handled, of any region, by key
    sqlx::query("UPDATE notifications SET emailed_at = now() WHERE id = ANY($1)")
        .bind(&done)
        .execute(&mut *tx)
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(digests)
}
